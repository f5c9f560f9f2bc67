using System.Text;

namespace SendFunctions.Core.Reports.Word;

/// <summary>Text made safe for XML 1.0: characters the format forbids (most control characters, lone surrogates, U+FFFE/U+FFFF) are dropped.</summary>
internal static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var valid = ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF && true) || (ch >= 0xE000 && ch <= 0xFFFD);
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }

            if (valid && !char.IsSurrogate(ch))
            {
                builder?.Append(ch);
            }
            else
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }
        }

        return builder?.ToString() ?? text;
    }
}

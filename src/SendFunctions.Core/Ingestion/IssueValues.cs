using System.Buffers;
using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>What may be shown of a cell in a message, and the characters that must not reach an ID or a paper unseen.</summary>
internal static class IssueValues
{
    public const int MaxShown = 80;

    /// <summary>Control characters other than tab and line breaks.</summary>
    private static readonly SearchValues<char> Control = SearchValues.Create(Chars(ch => char.IsControl(ch) && ch is not '\t' and not '\n' and not '\r'));

    /// <summary>Invisible format characters (Unicode Cf): byte order mark, zero-width space and joiners, bidirectional overrides and isolates, soft hyphen.</summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create(Chars(ch => CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format));

    private static readonly SearchValues<char> Hidden = SearchValues.Create(Chars(ch => char.IsControl(ch) && ch is not '\t' and not '\n' and not '\r') + Chars(ch => CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format));

    public static string Shorten(ReadOnlySpan<char> text) => text.Length <= MaxShown ? text.ToString() : string.Concat(text[..MaxShown], "...");

    public static string Shorten(string text) => text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "...");

    /// <summary>Printable ASCII (most cells) is checked in one vectorised pass; anything else against the full set.</summary>
    public static bool HasHidden(ReadOnlySpan<char> text) => text.ContainsAnyExceptInRange(' ', '~') && text.ContainsAny(Hidden);

    public static bool HasControl(ReadOnlySpan<char> text) => text.ContainsAny(Control);

    public static bool HasInvisible(ReadOnlySpan<char> text) => text.ContainsAny(Invisible);

    public static bool IsInvisible(char ch) => Invisible.Contains(ch);

    /// <summary>The text without control or invisible format characters, trimmed.</summary>
    public static string RemoveHidden(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!Hidden.Contains(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Trim();
    }

    private static string Chars(Func<char, bool> include)
    {
        var builder = new StringBuilder();
        for (var ch = char.MinValue; ch < char.MaxValue; ch++)
        {
            if (include(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}

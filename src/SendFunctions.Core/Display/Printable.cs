using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Display;

/// <summary>
/// Text from outside (a blob name, a queue message) as it may be shown to people: in a CLI table, an email, a run record.
/// Control characters (a newline would forge a line) and invisible format characters (a right-to-left override would make
/// "vsc.senotselim" show as "milestones.csv") are written as visible <c>[U+202E]</c> marks, so what is shown is what is there.
/// </summary>
public static class Printable
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsMark))
        {
            return text ?? string.Empty;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                shown.Append("[U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                shown.Append(rune.ToString());
            }
        }

        return shown.ToString();
    }

    /// <summary>Control characters, format characters (bidi overrides and isolates, zero-width characters), and surrogates (checked per character pair).</summary>
    private static bool NeedsMark(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

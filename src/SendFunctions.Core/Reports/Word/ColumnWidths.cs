using System.Text.RegularExpressions;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// Column widths from the content: no column is narrower than its longest word, and a cell that must read as one piece
/// (a date, a month, an amount, a short status) is never narrower than its whole text. What is left of the page width
/// goes to the columns with most text. Deterministic: the same cells give the same widths.
/// </summary>
internal static partial class ColumnWidths
{
    /// <summary>Left and right cell margins (the table style's 80 + 80) plus a border and a little slack for rounding in the layout engine.</summary>
    public const int Padding = 220;

    /// <summary>Measured widths are raised by this per mille, so that a renderer's own spacing never tips a word onto a second line.</summary>
    private const int SafetyPerMille = 1080;

    public static IReadOnlyList<int> Fit(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<TableCellSpec>> rows, int available, int halfPoints)
    {
        var count = headers.Count;
        var minimum = new long[count];
        var preferred = new long[count];
        for (var c = 0; c < count; c++)
        {
            minimum[c] = Longest(Words(headers[c]), bold: true, halfPoints);
            preferred[c] = TextMeasure.Twips(headers[c], bold: true, halfPoints);
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < count && c < row.Count; c++)
            {
                var text = row[c].Text;
                var whole = TextMeasure.Twips(Longest(text), row[c].Bold, halfPoints);
                minimum[c] = Math.Max(minimum[c], IsWhole(text) ? whole : Longest(Words(text), row[c].Bold, halfPoints));
                preferred[c] = Math.Max(preferred[c], whole);
            }
        }

        for (var c = 0; c < count; c++)
        {
            minimum[c] = (minimum[c] * SafetyPerMille / 1000) + Padding;
            preferred[c] = Math.Max(minimum[c], (preferred[c] * SafetyPerMille / 1000) + Padding);
        }

        return Share(minimum, preferred, available);
    }

    /// <summary>A date, a month, an amount or a short phrase such as a status: set on one line or not at all.</summary>
    public static bool IsWhole(string text) =>
        WholePattern().IsMatch(text) || (text.Length <= 16 && Words(text).Length <= 2);

    private static List<int> Share(long[] minimum, long[] preferred, int available)
    {
        var count = minimum.Length;
        var widths = new long[count];
        var totalPreferred = preferred.Sum();
        var totalMinimum = minimum.Sum();
        if (totalPreferred <= available)
        {
            // Everything fits on one line: spread the spare width in proportion to what each column holds.
            for (var c = 0; c < count; c++)
            {
                widths[c] = preferred[c] + ((available - totalPreferred) * preferred[c] / totalPreferred);
            }
        }
        else if (totalMinimum <= available)
        {
            var slack = totalPreferred - totalMinimum;
            for (var c = 0; c < count; c++)
            {
                widths[c] = minimum[c] + ((available - totalMinimum) * (preferred[c] - minimum[c]) / slack);
            }
        }
        else
        {
            // Wider than the page even at the minimum: shrink in proportion (a word may then break; the page is too narrow).
            for (var c = 0; c < count; c++)
            {
                widths[c] = minimum[c] * available / totalMinimum;
            }
        }

        var result = widths.Select(w => (int)w).ToList();
        var widest = result.IndexOf(result.Max());
        result[widest] += available - result.Sum();
        return result;
    }

    private static long Longest(IEnumerable<string> words, bool bold, int halfPoints) =>
        words.Select(w => (long)TextMeasure.Twips(w, bold, halfPoints)).DefaultIfEmpty(0).Max();

    /// <summary>The longest line of a cell that may hold line breaks.</summary>
    private static string Longest(string text) =>
        text.Split('\n').OrderByDescending(l => l.Length).First();

    private static string[] Words(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{4}|[£$€]?[-\u2212]?\d[\d,]*(\.\d+)?( ?%| weeks| days| points)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePattern();
}

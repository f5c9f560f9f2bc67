namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// How wide text sets in Arial (and Liberation Sans, its metric-compatible twin that LibreOffice uses), from the font's
/// advance widths in thousandths of an em. Used to size table columns so that dates, amounts and words are never broken.
/// </summary>
internal static class TextMeasure
{
    // Advance widths of U+0020 to U+007E, regular then bold (the standard Helvetica/Arial metrics).
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    /// <summary>Width in twentieths of a point of <paramref name="text"/> set on one line.</summary>
    public static int Twips(ReadOnlySpan<char> text, bool bold, int halfPoints)
    {
        long units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += Units(rune.Value, bold);
        }

        // thousandths of an em x (half-points / 2) points x 20 twips per point
        return (int)((units * halfPoints * 10) / 1000);
    }

    private static int Units(int code, bool bold) => code switch
    {
        >= 0x20 and <= 0x7E => (bold ? Bold : Regular)[code - 0x20],
        0xA0 => 278,
        0xA3 => 556, // pound sign
        0x2013 => 556,
        0x2014 or 0x2026 => 1000,
        >= 0x2190 and <= 0x27BF => 1000, // arrows and geometric shapes, from a fallback font
        >= 0x1100 => 1000, // CJK, emoji and other wide scripts: a full em is the safe guess
        _ => bold ? 667 : 611, // other letters (accented Latin, Greek, Cyrillic, Arabic, Hebrew): a wide letter
    };
}

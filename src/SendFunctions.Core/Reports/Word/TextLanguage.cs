using System.Buffers;
using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Reports.Word;

/// <summary>A stretch of text in one language and direction; <see cref="Language"/> is null for the document's own language.</summary>
internal sealed record LanguageSpan(string Text, string? Language, bool RightToLeft);

/// <summary>
/// Finds text in another language so a screen reader voices it correctly and Word checks it in the right dictionary.
/// Right-to-left scripts are found by their letters (Hebrew; Arabic script, Urdu where it has Urdu's own letters, Persian
/// where it has Persian's); Welsh and Polish sentences by their own letters and most common words. Anything else is left
/// in the document's language: a guess that is not strong is no better than none.
/// </summary>
internal static class TextLanguage
{
    private static readonly char[] WordSeparatorList = [' ', '\n', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\u2019'];

    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(WordSeparatorList);

    private static readonly HashSet<string> WelshWords = new(StringComparer.Ordinal)
    {
        "yn", "y", "yr", "mae", "wedi", "bydd", "gyda", "sydd", "hefyd", "ac", "ein", "eich", "gan", "cael", "ydy", "ydym", "oedd", "fel", "i'r", "a'r", "o'r", "mae'r", "ddim", "gwaith", "plant",
    };

    private static readonly HashSet<string> PolishWords = new(StringComparer.Ordinal)
    {
        "się", "jest", "oraz", "dla", "że", "przez", "będzie", "nie", "są", "który", "która", "które", "także", "został", "została", "zostało", "jak", "po", "od",
    };

    /// <summary>Characters of right-to-left scripts (<see cref="IsRightToLeft"/>).</summary>
    private static readonly SearchValues<char> RightToLeftChars = SearchValues.Create(RightToLeftRanges());

    /// <summary>Letters that mark a sentence as possibly Polish or Welsh; text without them is tested word by word only if it has a word of either list.</summary>
    private static readonly SearchValues<char> MarkedLetters = SearchValues.Create("ąćęłńśźżĄĆĘŁŃŚŹŻŵŷŴŶ");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WelshLookup = WelshWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PolishLookup = PolishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestWord = WelshWords.Concat(PolishWords).Max(w => w.Length);

    public static IReadOnlyList<LanguageSpan> Split(string text)
    {
        // Most text in a paper is English in one direction (IDs, dates, names of milestones): one span, found without
        // splitting it into runes, sentences or words.
        if (!text.AsSpan().ContainsAny(RightToLeftChars))
        {
            if (text.Length == 0)
            {
                return [];
            }

            if (!text.AsSpan().ContainsAny(MarkedLetters) && !HasListedWord(text))
            {
                return [new LanguageSpan(text, null, false)];
            }
        }

        var spans = new List<LanguageSpan>();
        foreach (var (part, rightToLeft) in ByDirection(text))
        {
            if (rightToLeft)
            {
                spans.Add(new LanguageSpan(part, RightToLeftLanguage(part), true));
                continue;
            }

            foreach (var sentence in Sentences(part))
            {
                var language = LatinLanguage(sentence);
                if (spans.Count > 0 && spans[^1] is { RightToLeft: false } last && last.Language == language)
                {
                    spans[^1] = last with { Text = last.Text + sentence };
                }
                else
                {
                    spans.Add(new LanguageSpan(sentence, language, false));
                }
            }
        }

        return spans;
    }

    private static string RightToLeftRanges()
    {
        var chars = new StringBuilder();
        for (var c = 0x0590; c <= 0xFEFF; c++)
        {
            if (IsRightToLeft(c))
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }

    /// <summary>Whether any word of the text, lower-cased, is in the Welsh or Polish list (without allocating).</summary>
    private static bool HasListedWord(string text)
    {
        Span<char> lower = stackalloc char[LongestWord];
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(WordSeparators);
            var word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.IsEmpty || word.Length > LongestWord)
            {
                continue;
            }

            var written = word.ToLowerInvariant(lower);
            if (WelshLookup.Contains(lower[..written]) || PolishLookup.Contains(lower[..written]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsRightToLeft(int code) =>
        code is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    /// <summary>
    /// Splits where the direction changes. Spaces, digits and punctuation between two right-to-left letters stay with them,
    /// as do those at the start or end of a paragraph that begins right to left (a simplified form of the Unicode
    /// bidirectional algorithm's rule for neutral characters).
    /// </summary>
    private static IEnumerable<(string Text, bool RightToLeft)> ByDirection(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var strong = runes.Select(r => IsRightToLeft(r.Value) ? true : Rune.IsLetter(r) ? false : (bool?)null).ToList();
        var paragraph = strong.FirstOrDefault(d => d is not null) ?? false;
        var direction = new bool[runes.Count];
        for (var i = 0; i < runes.Count; i++)
        {
            direction[i] = strong[i] ?? (Neighbour(strong, i, -1, paragraph) && Neighbour(strong, i, +1, paragraph));
        }

        var current = new StringBuilder();
        for (var i = 0; i < runes.Count; i++)
        {
            if (i > 0 && direction[i] != direction[i - 1])
            {
                yield return (current.ToString(), direction[i - 1]);
                current.Clear();
            }

            current.Append(runes[i].ToString());
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), direction[^1]);
        }
    }

    /// <summary>The direction of the nearest letter that way, or the paragraph's own at the start or end of the text.</summary>
    private static bool Neighbour(List<bool?> strong, int index, int step, bool paragraph)
    {
        for (var i = index + step; i >= 0 && i < strong.Count; i += step)
        {
            if (strong[i] is { } value)
            {
                return value;
            }
        }

        return paragraph;
    }

    private static string RightToLeftLanguage(string text)
    {
        if (text.Any(c => c is >= '\u0590' and <= '\u05FF' || c is >= '\uFB1D' and <= '\uFB4F'))
        {
            return "he-IL";
        }

        // Letters Urdu has and Arabic does not (tteh, ddal, rreh, noon ghunna, heh goal, do-chashmi heh, yeh barree).
        if (text.Any(c => c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06C1' or '\u06BE' or '\u06D2' or '\u06D3'))
        {
            return "ur-PK";
        }

        // Persian's peh, tcheh, jeh, gaf, keheh and Farsi yeh.
        return text.Any(c => c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9' or '\u06CC') ? "fa-IR" : "ar-SA";
    }

    private static string? LatinLanguage(string sentence)
    {
        var words = sentence.ToLower(CultureInfo.InvariantCulture).Split(WordSeparatorList, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var polishLetters = sentence.Count(c => "ąćęłńśźżĄĆĘŁŃŚŹŻ".Contains(c, StringComparison.Ordinal));
        var polishWords = words.Count(PolishWords.Contains);
        if (polishLetters + polishWords >= 2 && (polishLetters >= 2 || polishWords * 5 >= words.Length))
        {
            return "pl-PL";
        }

        var welshLetters = sentence.Count(c => "ŵŷŴŶ".Contains(c, StringComparison.Ordinal));
        var welshWords = words.Count(WelshWords.Contains);
        return welshLetters > 0 || (welshWords >= 2 && welshWords * 5 >= words.Length) ? "cy-GB" : null;
    }

    /// <summary>Sentences with the spaces that follow them, so the pieces join back into the text exactly.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                yield return text[start..end];
                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace SendFunctions.Core.Privacy;

/// <summary>
/// Dates of birth: a full date (31/03/2015, 31-3-15, 31.03.2015, 2015-03-31, 31 March 2015, 31st Mar 2015, March 31 2015)
/// directly after "DOB", "D.O.B.", "date of birth", "birth date" or "born" (allowing ":" and the words "on", "is", "was",
/// "of"), directly before "(DOB)" or "date of birth", or directly beside "aged N" ("aged 7, 31/03/2017"; "31/03/2017 (aged 7)").
/// "Directly" means nothing between them but spaces and punctuation, so a meeting date ("met on 12/03/2025") never counts,
/// and neither does "aged 16 to 25" on its own.
/// </summary>
internal static partial class BirthDates
{
    // Linear-time (NonBacktracking) patterns: free text is hostile input.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private const string Date =
        @"(?<date>(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?:\d{4}|\d{2})"
        + @"|\d{4}-(?<m2>\d{1,2})-(?<d2>\d{1,2})"
        + @"|(?<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?,?\s+\d{4}"
        + @"|" + Month + @"\.?\s+(?<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+\d{4})";

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b";

    private const string Keyword = @"(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s?date\b|\bborn\b)";

    private const string Aged = @"\baged\s+\d{1,2}(?:\s*(?:years?|yrs?|months?|mths?))?(?:\s+old)?";

    private const string Gap = @"[\s,;:=()\-\u2013]{0,4}";

    public static IEnumerable<PersonalDataMatch> Find(string text)
    {
        // Every pattern needs a keyword or "aged": text with neither (nearly all of it) is not scanned four times.
        if (!MayHoldKeyword(text))
        {
            yield break;
        }

        foreach (var regex in (Regex[])[KeywordThenDate(), DateThenKeyword(), AgedThenDate(), DateThenAged()])
        {
            foreach (Match match in regex.Matches(text))
            {
                if (IsCalendarLike(match))
                {
                    yield return new PersonalDataMatch(PersonalDataKind.DateOfBirth, match.Index, match.Length);
                }
            }
        }
    }

    /// <summary>
    /// Whether the text has "born", "birth" or "aged" in any case, or the letters d, o, b in that order with at most a
    /// full stop and a space after each of the first two (the forms of "DOB" the patterns accept). True for every text
    /// a pattern can match; may be true for text none matches.
    /// </summary>
    internal static bool MayHoldKeyword(ReadOnlySpan<char> text)
    {
        // "born", "birth" and every form of "DOB" have a b: text without one can only hold "aged".
        if (!text.ContainsAny('b', 'B'))
        {
            return text.Contains("aged", StringComparison.OrdinalIgnoreCase);
        }

        if (text.Contains("born", StringComparison.OrdinalIgnoreCase)
            || text.Contains("birth", StringComparison.OrdinalIgnoreCase)
            || text.Contains("aged", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var at = text.IndexOfAny('d', 'D'); at >= 0; at = NextD(text, at))
        {
            var next = Skip(text, at + 1);
            if (next < text.Length && text[next] is 'o' or 'O')
            {
                next = Skip(text, next + 1);
                if (next < text.Length && text[next] is 'b' or 'B')
                {
                    return true;
                }
            }
        }

        return false;

        static int NextD(ReadOnlySpan<char> text, int at)
        {
            var found = text[(at + 1)..].IndexOfAny('d', 'D');
            return found < 0 ? -1 : at + 1 + found;
        }

        // An optional full stop, then an optional white-space character.
        static int Skip(ReadOnlySpan<char> text, int at)
        {
            if (at < text.Length && text[at] == '.')
            {
                at++;
            }

            if (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            return at;
        }
    }

    /// <summary>A day 1-31 and a month 1-12, whichever way round the date was written.</summary>
    private static bool IsCalendarLike(Match match)
    {
        var day = First(match, "d", "d2", "d3", "d4");
        var month = First(match, "m", "m2");
        return day is >= 1 and <= 31 && month is null or (>= 1 and <= 12);
    }

    private static int? First(Match match, params string[] groups)
    {
        foreach (var name in groups)
        {
            if (match.Groups[name] is { Success: true } group)
            {
                return int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(Keyword + Gap + @"(?:(?:on|is|was|of)\s+){0,2}" + Date, Options)]
    private static partial Regex KeywordThenDate();

    [GeneratedRegex(Date + Gap + @"(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s?date\b)", Options)]
    private static partial Regex DateThenKeyword();

    [GeneratedRegex(Aged + Gap + Date, Options)]
    private static partial Regex AgedThenDate();

    [GeneratedRegex(Date + Gap + Aged, Options)]
    private static partial Regex DateThenAged();
}

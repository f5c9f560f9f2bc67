namespace SendFunctions.Core.Privacy;

/// <summary>
/// UK mobile numbers: 07 and nine more digits (07700 900123, 07700-900-123, any grouping), or the same as +44 7..., 0044 7...
/// or +44 (0)7.... Landlines (01..., 02..., 03...) are not mobiles; digits joined into a longer number are not either.
/// </summary>
internal static class MobileNumbers
{
    public static IEnumerable<PersonalDataMatch> Find(string text, List<List<DigitGroup>> runs)
    {
        foreach (var run in runs)
        {
            for (var first = 0; first < run.Count; first++)
            {
                if (first > 0 && run[first - 1].Next == Join.Numeric)
                {
                    continue;
                }

                var digits = 0;
                for (var last = first; last < run.Count && digits <= 15; last++)
                {
                    digits += run[last].Length;
                    if (IsMobile(text, run, first, last, digits))
                    {
                        yield return new PersonalDataMatch(PersonalDataKind.Mobile, run[first].Start, run[last].End - run[first].Start);
                        first = last;
                        break;
                    }

                    if (run[last].Next is not (Join.Separator or Join.Bracket))
                    {
                        break;
                    }
                }
            }
        }
    }

    private static bool IsMobile(string text, List<DigitGroup> run, int first, int last, int count)
    {
        if (run[last].Next == Join.Numeric || count is < 11 or > 15)
        {
            return false;
        }

        var digits = string.Concat(run.Skip(first).Take(last - first + 1).Select(g => text.AsSpan(g.Start, g.Length).ToString()));
        var plus = run[first].Start > 0 && text[run[first].Start - 1] == '+';
        return (digits.StartsWith("07", StringComparison.Ordinal) && count == 11 && !plus)
            || (plus && ((digits.StartsWith("447", StringComparison.Ordinal) && count == 12) || (digits.StartsWith("4407", StringComparison.Ordinal) && count == 13)))
            || (digits.StartsWith("00447", StringComparison.Ordinal) && count == 14)
            || (digits.StartsWith("004407", StringComparison.Ordinal) && count == 15);
    }
}

namespace SendFunctions.Core.Privacy;

/// <summary>
/// NHS numbers: ten digits written together (9434765919) or in the NHS's own 3-3-4 grouping with spaces or hyphens
/// (943 476 5919, 943-476-5919), whose tenth digit is the modulus 11 check digit of the first nine. Not part of a longer
/// number (a decimal, 1,234,567,890) and not run into letters (CT9434765919 is a reference, not an NHS number).
/// </summary>
internal static class NhsNumbers
{
    public static IEnumerable<PersonalDataMatch> Find(string text, List<List<DigitGroup>> runs)
    {
        foreach (var run in runs)
        {
            for (var first = 0; first < run.Count; first++)
            {
                var last = run[first].Length == 10 ? first
                    : first + 2 < run.Count && Grouped334(run, first) ? first + 2
                    : -1;
                if (last < 0 || JoinedAsNumber(run, first, last) || Touches(text, run[first].Start, run[last].End))
                {
                    continue;
                }

                if (IsValid(Digits(text, run, first, last)))
                {
                    yield return new PersonalDataMatch(PersonalDataKind.NhsNumber, run[first].Start, run[last].End - run[first].Start);
                }
            }
        }
    }

    /// <summary>
    /// The modulus 11 check: weights 10 down to 2 on the first nine digits; 11 minus the remainder is the check digit
    /// (11 counts as 0; 10 means no valid number has these nine digits). Ten identical digits pass the arithmetic but
    /// are never issued (test and placeholder values), so they are not taken for one.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10 || digits.ContainsAnyExceptInRange('0', '9') || !digits.ContainsAnyExcept(digits[0]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits[9] - '0';
    }

    private static bool Grouped334(List<DigitGroup> run, int first) =>
        run[first].Length == 3 && run[first + 1].Length == 3 && run[first + 2].Length == 4
        && run[first].Next == Join.Separator && run[first + 1].Next == Join.Separator;

    private static bool JoinedAsNumber(List<DigitGroup> run, int first, int last) =>
        (first > 0 && run[first - 1].Next == Join.Numeric) || run[last].Next == Join.Numeric;

    private static bool Touches(string text, int start, int end) =>
        (start > 0 && char.IsLetter(text[start - 1])) || (end < text.Length && char.IsLetter(text[end]));

    private static string Digits(string text, List<DigitGroup> run, int first, int last) =>
        string.Concat(run.Skip(first).Take(last - first + 1).Select(g => text.AsSpan(g.Start, g.Length).ToString()));
}

namespace SendFunctions.Core.Privacy;

/// <summary>How two digit groups are joined: "943 476", "943-476", "44 (0)7700", or as one number "1,234" / "12.5".</summary>
internal enum Join
{
    Separator,
    Bracket,
    Numeric,
}

/// <summary>A group of consecutive ASCII digits, and how it is joined to the next group of its run (null: the run ends).</summary>
internal readonly record struct DigitGroup(int Start, int Length, Join? Next)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into runs of digit groups: "tel 07700 900123" holds one run of two groups. Groups join across a single
/// space or hyphen, across "(0)"-style brackets with at most one space, or as one number across a comma or full stop.
/// One pass over the text, so it stays linear on any input.
/// </summary>
internal static class DigitRuns
{
    public static List<List<DigitGroup>> In(string text)
    {
        var runs = new List<List<DigitGroup>>();
        List<DigitGroup>? run = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var next = JoinAt(text, i, out var nextStart);
            run ??= [];
            run.Add(new DigitGroup(start, i - start, next));
            if (next is null)
            {
                runs.Add(run);
                run = null;
            }
            else
            {
                i = nextStart;
            }
        }

        return runs;
    }

    /// <summary>How the text at <paramref name="at"/> (just after a digit) joins to a following digit, if it does.</summary>
    private static Join? JoinAt(string text, int at, out int nextDigit)
    {
        nextDigit = at;
        var gap = 0;
        var brackets = 0;
        var separators = 0;
        var numeric = 0;
        while (at + gap < text.Length && gap < 3)
        {
            var ch = text[at + gap];
            if (char.IsAsciiDigit(ch))
            {
                break;
            }

            if (ch is '(' or ')')
            {
                brackets++;
            }
            else if (ch is ' ' or '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013')
            {
                separators++;
            }
            else if (ch is '.' or ',')
            {
                numeric++;
            }
            else
            {
                return null;
            }

            gap++;
        }

        if (gap == 0 || at + gap >= text.Length || !char.IsAsciiDigit(text[at + gap]))
        {
            return null;
        }

        nextDigit = at + gap;
        return (gap, brackets, separators, numeric) switch
        {
            (1, 0, 1, 0) => Join.Separator,
            (1, 0, 0, 1) => Join.Numeric,
            (_, 1, <= 1, 0) => Join.Bracket,
            _ => null,
        };
    }
}

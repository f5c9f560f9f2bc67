namespace SendFunctions.Core.Ingestion;

internal enum CsvQuoteProblem
{
    None,
    Stray,
    Unclosed,
}

/// <summary>RFC 4180's quoting rules over one raw record (the lenient parser reads on; this says whether it had to).</summary>
internal static class CsvQuotes
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }

    /// <summary>The first problem and the index of the field it is in.</summary>
    public static CsvQuoteProblem Check(ReadOnlySpan<char> raw, out int field)
    {
        field = 0;
        return IsWellQuoted(raw) ? CsvQuoteProblem.None : Walk(raw, out field);
    }

    /// <summary>The common case, decided by jumping from quote to quote: each opens a value and is closed before a comma or the line's end.</summary>
    private static bool IsWellQuoted(ReadOnlySpan<char> raw)
    {
        var i = 0;
        while (true)
        {
            var open = raw[i..].IndexOf('"');
            if (open < 0)
            {
                return true;
            }

            open += i;
            if (open > 0 && raw[open - 1] != ',')
            {
                return false;
            }

            var close = open + 1;
            while (true)
            {
                var next = raw[close..].IndexOf('"');
                if (next < 0)
                {
                    return false;
                }

                close += next;
                if (close + 1 < raw.Length && raw[close + 1] == '"')
                {
                    close += 2;
                    continue;
                }

                break;
            }

            if (close + 1 < raw.Length && raw[close + 1] is not (',' or '\r' or '\n'))
            {
                return false;
            }

            i = close + 1;
        }
    }

    private static CsvQuoteProblem Walk(ReadOnlySpan<char> raw, out int field)
    {
        field = 0;
        var state = State.FieldStart;
        foreach (var ch in raw)
        {
            switch (state)
            {
                case State.FieldStart or State.Unquoted when ch == ',':
                    field++;
                    state = State.FieldStart;
                    break;
                case State.FieldStart when ch == '"':
                    state = State.Quoted;
                    break;
                case State.FieldStart or State.Unquoted when ch is '\r' or '\n':
                    return CsvQuoteProblem.None;
                case State.FieldStart:
                    state = State.Unquoted;
                    break;
                case State.Unquoted when ch == '"':
                    return CsvQuoteProblem.Stray;
                case State.Quoted when ch == '"':
                    state = State.AfterQuote;
                    break;
                case State.AfterQuote when ch == '"':
                    state = State.Quoted;
                    break;
                case State.AfterQuote when ch == ',':
                    field++;
                    state = State.FieldStart;
                    break;
                case State.AfterQuote when ch is '\r' or '\n':
                    return CsvQuoteProblem.None;
                case State.AfterQuote:
                    return CsvQuoteProblem.Stray;
            }
        }

        return state == State.Quoted ? CsvQuoteProblem.Unclosed : CsvQuoteProblem.None;
    }
}

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

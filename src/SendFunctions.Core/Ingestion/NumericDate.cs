namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The all-digit date forms (yyyy-MM-dd, d/M/yyyy, d-M-yyyy) parsed by hand: most dates in a drop, at a fraction of the
/// cost of trying every format. Accepts only what the format list accepts; anything else falls through to it.
/// </summary>
internal static class NumericDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            return Digits(text[..4], out var y) && Digits(text.Slice(5, 2), out var m) && Digits(text.Slice(8, 2), out var d) && Make(y, m, d, out date);
        }

        var first = text.IndexOfAny('/', '-');
        if (first is < 1 or > 2)
        {
            return false;
        }

        var separator = text[first];
        var rest = text[(first + 1)..];
        var second = rest.IndexOf(separator);
        return second is >= 1 and <= 2 && rest.Length - second - 1 == 4
            && Digits(text[..first], out var day) && Digits(rest[..second], out var month) && Digits(rest[(second + 1)..], out var year)
            && Make(year, month, day, out date);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var ch in text)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        return true;
    }

    private static bool Make(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}

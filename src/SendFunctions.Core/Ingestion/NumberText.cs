using System.Globalization;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Numbers written as text: 1234, 1,234, 37.5, 37%, £1,100,000. A comma is a thousands separator only between groups of
/// three digits; "12,5" is a decimal comma (European Excel), never read as 125.
/// </summary>
internal static class NumberText
{
    public enum Result
    {
        Number,
        DecimalComma,
        NotNumber,
    }

    public static Result Parse(ReadOnlySpan<char> text, out decimal number)
    {
        number = 0;
        var span = text.Trim();
        if (span.StartsWith('£'))
        {
            span = span[1..].TrimStart();
        }

        if (span.EndsWith('%'))
        {
            span = span[..^1].TrimEnd();
        }

        if (span.Contains(',') && !IsGrouped(span))
        {
            return IsDecimalComma(span) ? Result.DecimalComma : Result.NotNumber;
        }

        if (TryPlain(span, out number))
        {
            return Result.Number;
        }

        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            ? Result.Number
            : Result.NotNumber;
    }

    /// <summary>The common form, optional minus, digits (commas already checked as thousands groups), optional point and digits (at most 18 characters in all), without the general parser.</summary>
    private static bool TryPlain(ReadOnlySpan<char> span, out decimal number)
    {
        number = 0;
        var negative = span.Length > 0 && span[0] == '-';
        var digits = negative ? span[1..] : span;
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        long value = 0;
        var scale = -1;
        foreach (var ch in digits)
        {
            if (ch is >= '0' and <= '9')
            {
                value = (value * 10) + (ch - '0');
                scale += scale >= 0 ? 1 : 0;
            }
            else if (ch == '.' && scale < 0)
            {
                scale = 0;
            }
            else if (ch == ',' && scale < 0)
            {
                // Only reached when the commas group thousands (Parse checked), where the general parser skips them too.
                continue;
            }
            else
            {
                return false;
            }
        }

        if (scale == 0 && digits.Length == 1)
        {
            return false;
        }

        number = new decimal(unchecked((int)value), (int)(value >> 32), 0, negative && value != 0, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>Digits in groups of three after the first (1 to 3 digits), before any decimal point: 1,234 and 1,100,000.5.</summary>
    private static bool IsGrouped(ReadOnlySpan<char> span)
    {
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            span = span[1..];
        }

        var point = span.IndexOf('.');
        var whole = point < 0 ? span : span[..point];
        if (point >= 0 && span[(point + 1)..].Contains(','))
        {
            return false;
        }

        var first = true;
        foreach (var range in whole.Split(','))
        {
            var group = whole[range];
            if (group.IsEmpty || group.ContainsAnyExceptInRange('0', '9') || (first ? group.Length > 3 : group.Length != 3))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    /// <summary>Digits, one comma, digits, and no decimal point: 12,5 or 0,37.</summary>
    private static bool IsDecimalComma(ReadOnlySpan<char> span)
    {
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            span = span[1..];
        }

        var comma = span.IndexOf(',');
        return comma > 0 && comma < span.Length - 1
            && !span[..comma].ContainsAnyExceptInRange('0', '9')
            && !span[(comma + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}

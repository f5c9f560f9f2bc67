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

        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            ? Result.Number
            : Result.NotNumber;
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

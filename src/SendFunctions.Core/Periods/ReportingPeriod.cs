using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SendFunctions.Core.Periods;

/// <summary>A reporting month, written <c>yyyy-MM</c>. Valid by construction.</summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The period's last calendar day: statuses are assessed as at this date.</summary>
    public DateOnly AsOf => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public DateOnly FirstDay => new(Year, Month, 1);

    public ReportingPeriod Previous => AddMonths(-1);

    public ReportingPeriod Next => AddMonths(1);

    public static ReportingPeriod Of(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new ReportingPeriod(year, month);
    }

    public static ReportingPeriod Containing(DateOnly date) => Of(date.Year, date.Month);

    /// <summary>Parses exactly <c>yyyy-MM</c> (four-digit year 2000-2999, two-digit month).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        return text is not null && TryParse(text.AsSpan(), out period);
    }

    /// <summary>As <see cref="TryParse(string?, out ReportingPeriod)"/>, from a span (a cell read in place).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out ReportingPeriod period)
    {
        period = default;
        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 2000 or > 2999 || month is < 1 or > 12)
        {
            return false;
        }

        period = new ReportingPeriod(year, month);
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period written yyyy-MM.");

    public ReportingPeriod AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return Of(index / 12, (index % 12) + 1);
    }

    /// <summary>Whole months from <paramref name="earlier"/> to this period (negative if it is later).</summary>
    public int MonthsSince(ReportingPeriod earlier) => ((Year - earlier.Year) * 12) + (Month - earlier.Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public int CompareTo(ReportingPeriod other) => MonthsSince(other);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"January 2025", as papers name a month.</summary>
    public string ToLongName() => FirstDay.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

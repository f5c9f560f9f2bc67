namespace SendFunctions.Core.Reminders;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. The regular bank holidays are
/// computed (with their substitute days when they fall at a weekend); one-off ones (a coronation, a state
/// funeral) come from configuration.
/// </summary>
public sealed class WorkingDays(IEnumerable<DateOnly>? extraHolidays = null)
{
    private readonly HashSet<DateOnly> extra = [.. extraHolidays ?? []];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !extra.Contains(date) && !BankHolidays(date.Year).Contains(date);

    /// <summary>The Nth working day of a month (1 = the first).</summary>
    public DateOnly NthWorkingDay(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var date = new DateOnly(year, month, 1);
        var count = 0;
        while (true)
        {
            if (IsWorkingDay(date) && ++count == n)
            {
                return date;
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>The working day <paramref name="n"/> working days before <paramref name="date"/>.</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int n)
    {
        var current = date;
        for (var moved = 0; moved < n;)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current))
            {
                moved++;
            }
        }

        return current;
    }

    public static IReadOnlySet<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };

        // Christmas Day and Boxing Day: a weekend day moves to the next weekday not already taken.
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        var first = Substitute(christmas);
        var second = Substitute(boxing);
        if (second <= first)
        {
            second = first.AddDays(1);
            while (second.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                second = second.AddDays(1);
            }
        }

        days.Add(first);
        days.Add(second);
        return days;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}

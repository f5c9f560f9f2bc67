using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;

namespace SendFunctions.Core.Calendar;

/// <summary>When each month's returns fall due: on the dataset's configured working day of the following month.</summary>
public static class ReturnsDue
{
    private static readonly DatasetSettings Default = new(new Person(string.Empty, string.Empty));

    public static DateOnly DueDate(ReportingPeriod period, DatasetSettings settings, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(days);
        return days.NthWorkingDay(period.Next.Year, period.Next.Month, settings.DueWorkingDay);
    }

    /// <summary>
    /// The latest month all of whose configured returns were due strictly before <paramref name="date"/>: a return due on a
    /// day may arrive until that day ends, so a draft made on its due day does not count on it. With no dataset configured,
    /// the default due day stands in.
    /// </summary>
    public static ReportingPeriod LatestDueBefore(DateOnly date, ReportingConfig config, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = Enum.GetValues<Dataset>().Select(config.DatasetFor).OfType<DatasetSettings>().ToList();
        if (settings.Count == 0)
        {
            settings.Add(Default);
        }

        var period = ReportingPeriod.Containing(date);
        while (settings.Any(s => DueDate(period, s, days) >= date))
        {
            period = period.Previous;
        }

        return period;
    }
}

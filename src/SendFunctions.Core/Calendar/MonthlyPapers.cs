using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// What the monthly cycle asks for now that committee papers follow their calendars: the papers of the kinds without a
/// calendar (all, written as an empty list, when no kind has one), and nothing for a month after the programme ended.
/// </summary>
public static class MonthlyPapers
{
    /// <summary>Null when the monthly cycle has nothing to ask for this period.</summary>
    public static IReadOnlyList<ReportKind>? For(ReportingConfig config, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Programme?.EndDate is { } end && period > ReportingPeriod.Containing(end))
        {
            return null;
        }

        var calendars = ReportCalendar.Resolve(config).Calendars.Select(c => c.Kind).ToHashSet();
        if (calendars.Count == 0)
        {
            return [];
        }

        var monthly = ReportKinds.All.Where(k => !calendars.Contains(k) && config.ReportFor(k.ToSlug()) is not null).ToList();
        return monthly.Count > 0 ? monthly : null;
    }
}

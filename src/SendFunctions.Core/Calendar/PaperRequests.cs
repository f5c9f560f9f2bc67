using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// The report requests a re-run by ops (<c>sendfx request</c>) sends, so that it makes the papers the cycle would: a kind
/// with a committee calendar gets its own request with the months and meeting the calendar gives its paper filed under the
/// period (<see cref="PaperSchedule.CoverFor"/>, the timer's code), or the months given explicitly; the other kinds share
/// one request without a cover, as the monthly cycle asks for them.
/// </summary>
public static class PaperRequests
{
    /// <param name="config">The account's reporting.json; null when it has none (no calendar: one request, as asked).</param>
    /// <param name="kinds">The kinds asked for; empty for every configured kind.</param>
    /// <param name="covers">Explicit covered months (oldest first, ending with the period), for every kind asked for; null to derive them.</param>
    /// <param name="meeting">The meeting, when the calendar files several meetings' papers under the period, or with explicit months.</param>
    public static (IReadOnlyList<ReportRequest> Requests, string? Problem) For(
        ReportingConfig? config, ReportingPeriod period, IReadOnlyList<ReportKind> kinds, IReadOnlyList<ReportingPeriod>? covers = null, DateOnly? meeting = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var days = new WorkingDays(config?.Programme?.ExtraBankHolidays);
        if (covers is not null)
        {
            if (!CoveredMonths.AreConsecutive(covers) || covers[^1] != period)
            {
                return ([], $"--covers must be consecutive months, oldest first, ending with {period}.");
            }

            var at = meeting ?? (config is not null && kinds.Count == 1 ? PaperSchedule.MeetingFor(config, days, kinds[0], covers) : null);
            return ([new ReportRequest(period, kinds, new PaperCover(covers, at))], null);
        }

        var calendars = config is null ? [] : ReportCalendar.Resolve(config).Calendars.Select(c => c.Kind).ToHashSet();
        if (calendars.Count == 0)
        {
            return meeting is null ? ([new ReportRequest(period, kinds)], null) : ([], "--meeting needs a committee calendar in reporting.json, or --covers.");
        }

        var asked = kinds.Count > 0 ? kinds : ReportKinds.All.Where(k => config!.ReportFor(k.ToSlug()) is not null).ToList();
        var requests = new List<ReportRequest>();
        foreach (var kind in asked.Where(calendars.Contains))
        {
            var (cover, problem) = PaperSchedule.CoverFor(config!, days, kind, period, meeting);
            if (problem is not null)
            {
                return ([], problem);
            }

            requests.Add(new ReportRequest(period, [kind], cover));
        }

        var monthly = asked.Where(k => !calendars.Contains(k)).ToList();
        if (monthly.Count > 0)
        {
            requests.Add(new ReportRequest(period, monthly));
        }

        return (requests, null);
    }
}

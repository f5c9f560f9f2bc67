using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;

namespace SendFunctions.Cli.Commands;

/// <summary>One paper of <c>sendfx schedule --json</c>: <c>{"report","meeting","draft","deadline","periods"}</c> as issue 12 names them, and more.</summary>
internal sealed record SchedulePaperJson(
    ReportKind Report,
    DateOnly Meeting,
    DateOnly Draft,
    DateOnly Deadline,
    IReadOnlyList<ReportingPeriod> Periods,
    string DeadlineTime,
    bool Final,
    IReadOnlyList<ScheduleReturnJson> Returns)
{
    public static SchedulePaperJson From(ScheduledPaper paper, ReportingConfig config, WorkingDays days) => new(
        paper.Report,
        paper.Meeting,
        paper.Draft,
        paper.Deadline,
        paper.Periods,
        paper.DeadlineTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        paper.Final,
        paper.Periods.SelectMany(p => ReturnDates.For(p, config, days)).Select(r => new ScheduleReturnJson(r.Period, r.Dataset, r.RemindFrom, r.Due, r.EscalateFrom, r.EscalateUntil)).ToList());
}

internal sealed record ScheduleReturnJson(ReportingPeriod Period, Dataset Dataset, DateOnly RemindFrom, DateOnly Due, DateOnly? EscalateFrom, DateOnly? EscalateUntil);

using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Business;

/// <summary>Which entries of the decision log a paper names: decisions taken, reports asked for, due and overdue.</summary>
public static class ReportBacks
{
    /// <summary>Decisions and resolutions made at a meeting in the month, in meeting then ID order.</summary>
    public static IReadOnlyList<BoardDecision> TakenIn(IEnumerable<BoardDecision> log, ReportingPeriod period) =>
        Ordered(log.Where(d => d.Type != DecisionType.ReportBack && period.Contains(d.MeetingDate)));

    /// <summary>Reports the Board asked for at a meeting in the month.</summary>
    public static IReadOnlyList<BoardDecision> AskedIn(IEnumerable<BoardDecision> log, ReportingPeriod period) =>
        Ordered(log.Where(d => d.Type == DecisionType.ReportBack && period.Contains(d.MeetingDate)));

    /// <summary>
    /// Open report-backs due at the next meeting: due after the month's end and on or before <paramref name="nextMeeting"/>
    /// when its date is known, else due in the month after.
    /// </summary>
    public static IReadOnlyList<BoardDecision> DueNext(IEnumerable<BoardDecision> log, ReportingPeriod period, DateOnly? nextMeeting) =>
        Ordered(OpenReportBacks(log).Where(d => nextMeeting is { } next
            ? d.DueMeeting > period.AsOf && d.DueMeeting <= next
            : period.Next.Contains(d.DueMeeting!.Value)));

    /// <summary>Open report-backs whose meeting has passed (due on or before the month's end): overdue.</summary>
    public static IReadOnlyList<BoardDecision> Overdue(IEnumerable<BoardDecision> log, ReportingPeriod period) =>
        Ordered(OpenReportBacks(log).Where(d => d.DueMeeting <= period.AsOf));

    private static IEnumerable<BoardDecision> OpenReportBacks(IEnumerable<BoardDecision> log) =>
        log.Where(d => d.Type == DecisionType.ReportBack && d.Status == DecisionState.Open && d.DueMeeting is not null);

    private static List<BoardDecision> Ordered(IEnumerable<BoardDecision> entries) =>
        entries.OrderBy(d => d.DueMeeting ?? d.MeetingDate).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
}

using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// One committee paper in the plan: for <see cref="Meeting"/>, the clerks need it by <see cref="Deadline"/> at
/// <see cref="DeadlineTime"/>; the draft is made and sent for sign-off on <see cref="Draft"/>.
/// </summary>
/// <param name="Periods">The reporting months the paper covers, oldest first; never empty.</param>
/// <param name="Final">The one paper for a meeting after the programme's end date.</param>
public sealed record ScheduledPaper(
    ReportKind Report,
    DateOnly Meeting,
    DateOnly Draft,
    DateOnly Deadline,
    TimeOnly DeadlineTime,
    IReadOnlyList<ReportingPeriod> Periods,
    bool Final = false)
{
    /// <summary>The month whose tracker the paper shows; the paper is filed under it.</summary>
    public ReportingPeriod Period => Periods[^1];

    /// <summary>The deadline as UK local time.</summary>
    public DateTime DeadlineLocal => Deadline.ToDateTime(DeadlineTime);
}

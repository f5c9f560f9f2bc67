using FsCheck.Xunit;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Tests.Milestones;

/// <summary>Invariants of the status rules over generated milestones (dates within two years of the as-of date).</summary>
public sealed class MilestonePropertyTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 31);
    private static readonly DateOnly Deadline = new(2025, 10, 31);

    [Property(MaxTest = 2000)]
    public bool Complete_IffACompletedDateIsPresent(int due, int? revised, int? completed, bool risk, byte status)
    {
        var result = Assess(due, revised, completed, risk, status);
        return (result.Status == MilestoneStatus.Complete) == (result.Milestone.Completed is not null);
    }

    [Property(MaxTest = 2000)]
    public bool DelayDays_IsNeverNegative(int due, int? revised, int? completed, bool risk, byte status) =>
        Assess(due, revised, completed, risk, status).DelayDays >= 0;

    [Property(MaxTest = 2000)]
    public bool RevisedAfterDeadline_IsAtRiskUnlessComplete(int due, int revised, bool risk, byte status)
    {
        var result = Assess(due, revised, null, risk, status);
        return result.Milestone.Revised <= Deadline || result.Status == MilestoneStatus.AtRisk;
    }

    [Property(MaxTest = 2000)]
    public bool ForecastDelay_OnlyForDelayedMilestonesNotYetDue(int due, int? revised, int? completed, bool risk, byte status)
    {
        var result = Assess(due, revised, completed, risk, status);
        return result.ForecastDelayDays is null
            || (result.Status == MilestoneStatus.Delayed && result.Milestone.Due >= AsOf && result.ForecastDelayDays > 0);
    }

    [Property(MaxTest = 2000)]
    public bool Overdue_DelayCountsFromTheOriginalDueDate(int due, int? revised, bool risk, byte status)
    {
        var result = Assess(due, revised, null, risk, status);
        return result.Milestone.Due >= AsOf || result.DelayDays == AsOf.DayNumber - result.Milestone.Due.DayNumber;
    }

    [Property(MaxTest = 2000)]
    public bool Movement_AgainstItself_IsUnchanged(int due, int? revised, int? completed, bool risk, byte status)
    {
        var result = Assess(due, revised, completed, risk, status);
        return MilestoneMovement.Of(result, result) == Movement.Unchanged;
    }

    private static MilestoneAssessment Assess(int due, int? revised, int? completed, bool risk, byte status)
    {
        var dueDate = AsOf.AddDays(Fold(due));
        var milestone = new Milestone(
            "WS1-01", "Leadership", "Deliver", "Lead",
            dueDate,
            revised is { } r ? dueDate.AddDays(Fold(r)) : null,
            completed is { } c ? AsOf.AddDays(-Math.Abs(Fold(c))) : null,
            (ReportedStatus)(status % 4),
            risk,
            "x");
        return MilestoneRules.Assess(milestone, AsOf, Deadline);
    }

    /// <summary>Any generated int, folded into two years either side.</summary>
    private static int Fold(int n) => (int)(((long)n % 730 + 730) % 1460) - 730;
}

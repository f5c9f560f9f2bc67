namespace SendFunctions.Core.Milestones;

/// <summary>The status rules of DATA-CONTRACT.md section 4. Dates are whole days.</summary>
public static class MilestoneRules
{
    /// <summary>A milestone not started this close to its due date is at risk.</summary>
    public const int NotStartedWarningDays = 30;

    /// <param name="asOf">The period's as-of date (its last day).</param>
    /// <param name="deadline">The programme's WSoA deadline; when unknown, the rules that compare against it do not fire.</param>
    public static MilestoneAssessment Assess(Milestone milestone, DateOnly asOf, DateOnly? deadline)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var due = milestone.Due;
        var rev = milestone.Revised;
        var beyondDeadline = rev is { } r && deadline is { } d && r > d;

        if (milestone.Completed is { } done)
        {
            return new MilestoneAssessment(milestone, MilestoneStatus.Complete, Math.Max(0, Days(due, done)), null, done <= due);
        }

        if (asOf > due)
        {
            // Overdue: the delay counts from the original due date, whatever the revised date says.
            var atRisk = milestone.AtRisk || rev is null || rev <= asOf || beyondDeadline;
            return new MilestoneAssessment(milestone, atRisk ? MilestoneStatus.AtRisk : MilestoneStatus.Delayed, Days(due, asOf), null, null);
        }

        var notStartedAndClose = milestone.Status == ReportedStatus.NotStarted && Days(asOf, due) <= NotStartedWarningDays;
        if (milestone.AtRisk || beyondDeadline || notStartedAndClose)
        {
            return new MilestoneAssessment(milestone, MilestoneStatus.AtRisk, 0, null, null);
        }

        if (rev is { } later && later > due)
        {
            return new MilestoneAssessment(milestone, MilestoneStatus.Delayed, 0, Days(due, later), null);
        }

        return new MilestoneAssessment(milestone, MilestoneStatus.OnTrack, 0, null, null);
    }

    public static Rag RagOf(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Complete => Rag.Blue,
        MilestoneStatus.OnTrack => Rag.Green,
        MilestoneStatus.Delayed => Rag.Amber,
        MilestoneStatus.AtRisk => Rag.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Blue 0 &lt; Green 1 &lt; Amber 2 &lt; Red 3: a higher rank is worse.</summary>
    public static int RankOf(Rag rag) => rag switch
    {
        Rag.Blue => 0,
        Rag.Green => 1,
        Rag.Amber => 2,
        Rag.Red => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(rag)),
    };

    /// <summary>The status in words, as a clerk writes it: "delayed but not at risk".</summary>
    public static string Describe(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Complete => "complete",
        MilestoneStatus.OnTrack => "on track",
        MilestoneStatus.Delayed => "delayed but not at risk",
        MilestoneStatus.AtRisk => "at risk",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}

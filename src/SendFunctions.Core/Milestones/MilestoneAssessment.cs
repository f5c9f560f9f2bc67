namespace SendFunctions.Core.Milestones;

/// <summary>A milestone's computed status for one period.</summary>
/// <param name="DelayDays">Days late at the as-of date (or on completion); never negative.</param>
/// <param name="ForecastDelayDays">For a milestone not yet due, how far the revised date is past the original; else null.</param>
/// <param name="OnTime">For a complete milestone, whether it was completed on or before the due date; else null.</param>
/// <param name="Movement">Against the previous period; null when there is no previous accepted drop.</param>
public sealed record MilestoneAssessment(
    Milestone Milestone,
    MilestoneStatus Status,
    int DelayDays,
    int? ForecastDelayDays,
    bool? OnTime,
    Movement? Movement = null)
{
    public Rag Rag => MilestoneRules.RagOf(Status);

    /// <summary>The owner reports it on hold (DATA-CONTRACT.md section 4): shown beside its status, never changing it.</summary>
    public bool OnHold => Milestone.Status == ReportedStatus.OnHold;
}

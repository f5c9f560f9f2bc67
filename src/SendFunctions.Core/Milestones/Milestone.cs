namespace SendFunctions.Core.Milestones;

/// <summary>A WSoA milestone as its owner reported it for one period.</summary>
public sealed record Milestone(
    string Id,
    string Workstream,
    string Title,
    string Owner,
    DateOnly Due,
    DateOnly? Revised,
    DateOnly? Completed,
    ReportedStatus? Status,
    bool AtRisk,
    string Commentary)
{
    /// <summary>The date the milestone is now expected: the revised date where there is one.</summary>
    public DateOnly EffectiveDue => Revised ?? Due;
}

/// <summary>The status word the owner wrote; the computed status is <see cref="MilestoneStatus"/>.</summary>
public enum ReportedStatus
{
    NotStarted,
    InProgress,
    Complete,
    OnHold,
}

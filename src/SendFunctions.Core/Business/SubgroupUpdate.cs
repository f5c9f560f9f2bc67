namespace SendFunctions.Core.Business;

/// <summary>One workstream's or subgroup's update for the month, in its own words (each line a point of its own).</summary>
/// <param name="Escalations">Issues the group asks the Board to decide or act on; null when none were raised.</param>
/// <param name="Highlights">A line or two the group wants the Board to notice; null when none.</param>
public sealed record SubgroupUpdate(
    string Workstream,
    string Lead,
    string Progress,
    string NextSteps,
    string? Escalations,
    string? Highlights);

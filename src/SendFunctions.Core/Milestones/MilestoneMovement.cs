namespace SendFunctions.Core.Milestones;

/// <summary>Month-on-month movement (DATA-CONTRACT.md section 4).</summary>
public static class MilestoneMovement
{
    /// <summary>
    /// Sets each assessment's movement against the previous period's assessments, and lists the milestones
    /// present last period and absent now. Without a previous period every movement is null and none is removed.
    /// </summary>
    public static (IReadOnlyList<MilestoneAssessment> Current, IReadOnlyList<MilestoneAssessment> Removed) Compare(
        IReadOnlyList<MilestoneAssessment> current, IReadOnlyList<MilestoneAssessment>? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return (current, []);
        }

        var before = previous.ToDictionary(a => a.Milestone.Id, StringComparer.OrdinalIgnoreCase);
        var now = current.Select(a => a with { Movement = Of(a, before.GetValueOrDefault(a.Milestone.Id)) }).ToList();
        var ids = current.Select(a => a.Milestone.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = previous.Where(p => !ids.Contains(p.Milestone.Id)).ToList();
        return (now, removed);
    }

    /// <summary>First match wins: New, Completed, Worsened, Improved, Slipped, Unchanged.</summary>
    public static Movement Of(MilestoneAssessment now, MilestoneAssessment? before)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (before is null)
        {
            return Movement.New;
        }

        if (now.Status == MilestoneStatus.Complete && before.Status != MilestoneStatus.Complete)
        {
            return Movement.Completed;
        }

        var rankNow = MilestoneRules.RankOf(now.Rag);
        var rankBefore = MilestoneRules.RankOf(before.Rag);
        if (rankNow > rankBefore)
        {
            return Movement.Worsened;
        }

        if (rankNow < rankBefore)
        {
            return Movement.Improved;
        }

        return now.Milestone.EffectiveDue > before.Milestone.EffectiveDue ? Movement.Slipped : Movement.Unchanged;
    }
}

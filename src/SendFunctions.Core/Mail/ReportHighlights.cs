using SendFunctions.Core.Milestones;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Mail;

/// <summary>
/// What a paper's covering email says: the headline sentences and what needs attention. Like the papers, it says in
/// words when a return is missing or rejected and never gives a figure from it; missing returns come first.
/// </summary>
public static class ReportHighlights
{
    public const int AttentionShown = 10;

    public static (IReadOnlyList<string> Highlights, IReadOnlyList<string> Attention) From(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var highlights = new List<string> { Narrative.Milestones(status.Summary.Counts) };
        if (Narrative.OnHold(status) is { } onHold)
        {
            highlights.Add(onHold);
        }

        if (status.HasPreviousPeriod)
        {
            highlights.Add(Narrative.Movements(status));
        }

        highlights.Add(Narrative.Deadline(status));
        highlights.Add(string.Join(" ", Narrative.MetricsOf(status)));
        highlights.Add(string.Join(" ", Narrative.ActionsOf(status)));

        var attention = DataNarrative.Attention(status)
            .Concat(status.Milestones
                .Where(m => m.Status == MilestoneStatus.AtRisk)
                .OrderByDescending(m => m.DelayDays)
                .Select(m => $"{m.Milestone.Id} {m.Milestone.Title} ({m.Milestone.Owner}): at risk" + (m.DelayDays > 0 ? $", {Words.Count(m.DelayDays, "day")} late" : string.Empty) + (m.OnHold ? ", reported on hold" : string.Empty)))
            .Concat((status.Actions?.OpenOverdue ?? []).Select(o => $"Action {o.Action.Id} {o.Action.Description} ({o.Action.Owner}): {Words.Count(o.OverdueDays, "day")} overdue"))
            .Take(AttentionShown)
            .ToList();
        return (highlights, attention);
    }
}

using SendFunctions.Core.Actions;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Metrics;

namespace SendFunctions.Core.Status;

/// <summary>
/// Sentences generated from the numbers, in British English, ready to paste into a paper. No sentence starts with a
/// numeral, and a milestone's description is never a sentence's subject ("Milestone WS2-01 (Deliver the plan) is ...").
/// </summary>
public static class Narrative
{
    private const int IdsListed = 10;

    public static IReadOnlyList<string> For(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var sentences = new List<string> { Milestones(status.Summary.Counts) };
        if (OnHold(status) is { } onHold)
        {
            sentences.Add(onHold);
        }

        if (status.Summary.LongestDelay is { } longest)
        {
            sentences.Add(LongestDelay(longest));
        }

        if (status.HasPreviousPeriod)
        {
            sentences.Add(Movements(status));
        }

        sentences.Add(DueNext(status));
        sentences.Add(Deadline(status));
        sentences.AddRange(MetricsOf(status));
        sentences.AddRange(ActionsOf(status));
        return sentences;
    }

    /// <summary>"Of 22 milestones, five are complete, ten are on track, four are delayed but not at risk and three are at risk."</summary>
    public static string Milestones(StatusCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Total == 0)
        {
            return "No milestones were reported this month.";
        }

        var parts = new List<string>();
        AddPart(parts, counts.Complete, "complete");
        AddPart(parts, counts.OnTrack, "on track");
        AddPart(parts, counts.Delayed, "delayed but not at risk");
        AddPart(parts, counts.AtRisk, "at risk");
        return $"Of {Words.Count(counts.Total, "milestone")}, {Words.List(parts)} ({counts.PercentComplete}% complete).";
    }

    /// <summary>"Milestone WS4-03 is reported on hold."; null when none is.</summary>
    public static string? OnHold(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var ids = status.OnHold.Select(m => m.Milestone.Id).ToList();
        return ids.Count switch
        {
            0 => null,
            1 => $"Milestone {ids[0]} is reported on hold.",
            <= IdsListed => $"Milestones {Words.List(ids)} are reported on hold.",
            _ => $"{Words.Lead(ids.Count, "milestone")} are reported on hold.",
        };
    }

    /// <summary>"Milestone WS2-01 (Deliver the plan)": a description in brackets reads correctly whatever its wording.</summary>
    public static string Named(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return $"Milestone {milestone.Id} ({milestone.Title})";
    }

    /// <summary>"delayed but not at risk", or "on track, reported on hold".</summary>
    public static string Describe(MilestoneAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return MilestoneRules.Describe(assessment.Status) + (assessment.OnHold ? ", reported on hold" : string.Empty);
    }

    public static string LongestDelay(MilestoneAssessment longest)
    {
        ArgumentNullException.ThrowIfNull(longest);
        return $"The longest delay is {Words.Count(longest.DelayDays, "day")}, on milestone {longest.Milestone.Id} ({longest.Milestone.Title}).";
    }

    public static string Movements(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var m = status.Summary.Movements;
        int Of(Movement movement) => m.GetValueOrDefault(movement);
        var parts = new List<string>();
        Add(parts, Of(Movement.Completed), "was completed", "were completed");
        Add(parts, Of(Movement.Improved), "improved", "improved");
        Add(parts, Of(Movement.Worsened), "worsened", "worsened");
        Add(parts, Of(Movement.Slipped), "slipped to a later date", "slipped to a later date");
        Add(parts, Of(Movement.New), "is new", "are new");
        var text = parts.Count == 0
            ? $"Since {status.Since} no milestone has changed status."
            : $"Since {status.Since}, {Words.List(parts)}.";
        if (status.Removed.Count > 0)
        {
            var ids = status.Removed.Select(r => r.Milestone.Id).ToList();
            text += $" {Words.Lead(ids.Count, "milestone")} {status.ReportedBefore} {Words.WasWere(ids.Count)} not reported this month: {Words.List(ids)}.";
        }

        return text;

        static void Add(List<string> parts, int n, string singular, string plural)
        {
            if (n > 0)
            {
                parts.Add($"{Words.Count(n, "milestone")} {(n == 1 ? singular : plural)}");
            }
        }
    }

    public static string DueNext(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var n = status.Summary.DueNextPeriod.Count;
        return $"{Words.Lead(n, "milestone")} {Words.IsAre(n)} due in {status.Period.Next.ToLongName()}.";
    }

    public static string Deadline(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var days = status.Summary.DaysToDeadline;
        return days >= 0
            ? $"There {Words.IsAre(days)} {Words.Count(days, "day")} to the WSoA deadline of {Words.Date(status.Deadline)}."
            : $"The WSoA deadline of {Words.Date(status.Deadline)} passed {Words.Count(-days, "day")} ago.";
    }

    /// <summary>The metrics in words, or what became of the month's metrics return (and the last accepted month's, labelled, if shown).</summary>
    public static IReadOnlyList<string> MetricsOf(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Returns.Metrics.IsAccepted)
        {
            return [Metrics(status.Metrics)];
        }

        var sentences = new List<string> { DataNarrative.Absent(status, Dataset.Metrics, "no performance figures are given for the month") };
        if (status.EarlierMetrics is { } earlier)
        {
            sentences.Add(DataNarrative.EarlierLabel(Dataset.Metrics, earlier.Period));
            sentences.Add(Metrics(earlier.Value));
        }

        return sentences;
    }

    public static string Metrics(IReadOnlyList<MetricAssessment> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var targeted = metrics.Where(m => m.Rag != Rag.None).ToList();
        var parts = new List<string>();
        AddPart(parts, targeted.Count(m => m.Rag == Rag.Green), "meeting the target");
        AddPart(parts, targeted.Count(m => m.Rag == Rag.Amber), "close to the target");
        AddPart(parts, targeted.Count(m => m.Rag == Rag.Red), "well short of the target");
        var text = targeted.Count == 0
            ? $"{Words.Lead(metrics.Count, "metric")} {Words.IsAre(metrics.Count)} reported, none with a target."
            : $"Of {Words.Count(targeted.Count, "metric")} with a target, {Words.List(parts)}.";
        var improving = metrics.Count(m => m.Direction == Direction.Improving);
        var worsening = metrics.Count(m => m.Direction == Direction.Worsening);
        if (improving > 0 || worsening > 0)
        {
            var (first, second) = improving > 0
                ? ($"{Words.Count(improving, "metric")} improved", worsening > 0 ? $"{Words.Number(worsening)} worsened" : "none worsened")
                : ($"{Words.Count(worsening, "metric")} worsened", "none improved");
            text += $" Since the previous figures, {first} and {second}.";
        }

        var stale = metrics.Count(m => m.Stale);
        if (stale > 0)
        {
            text += $" {Words.Lead(stale, "metric")} {Words.IsAre(stale)} two or more months old.";
        }

        return text;
    }

    /// <summary>The action log in words, or what became of the month's action log (and the last accepted one, labelled, if shown).</summary>
    public static IReadOnlyList<string> ActionsOf(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Actions is { } log)
        {
            return Actions(log);
        }

        var sentences = new List<string> { DataNarrative.Absent(status, Dataset.Actions, "this paper cannot report on the action log for the month") };
        if (status.EarlierActions is { } earlier)
        {
            sentences.Add(DataNarrative.EarlierLabel(Dataset.Actions, earlier.Period));
            sentences.AddRange(Actions(earlier.Value));
        }

        return sentences;
    }

    /// <summary>"Seven actions are now closed." and so on, as the Board's clerks write it; only for an accepted action log.</summary>
    public static IReadOnlyList<string> Actions(ActionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var closed = log.ClosedThisPeriod.Count;
        var notDue = log.OpenNotDue.Count;
        var overdue = log.OpenOverdue.Count;
        var sentences = new List<string>
        {
            closed switch
            {
                0 => "No action was closed this month.",
                1 => "One action is now closed.",
                _ => $"{Words.Lead(closed, "action")} are now closed.",
            },
        };
        if (notDue > 0)
        {
            sentences.Add($"{Words.Lead(notDue, "action")} that {Words.IsAre(notDue)} not yet due {(notDue == 1 ? "remains" : "remain")} open.");
        }
        else if (overdue == 0)
        {
            sentences.Add("No actions remain open.");
        }

        if (overdue == 1)
        {
            sentences.Add($"One action is overdue, by {Words.Count(log.OpenOverdue[0].OverdueDays, "day")}.");
        }
        else if (overdue > 1)
        {
            sentences.Add($"{Words.Lead(overdue, "action")} are overdue, the oldest by {Words.Count(log.OpenOverdue[0].OverdueDays, "day")}.");
        }

        return sentences;
    }

    private static void AddPart(List<string> parts, int n, string what)
    {
        if (n > 0)
        {
            parts.Add($"{Words.Number(n)} {(n == 1 ? "is" : "are")} {what}");
        }
    }
}

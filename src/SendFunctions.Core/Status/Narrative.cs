using SendFunctions.Core.Actions;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Metrics;

namespace SendFunctions.Core.Status;

/// <summary>Sentences generated from the numbers, in British English, ready to paste into a paper.</summary>
public static class Narrative
{
    public static IReadOnlyList<string> For(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var sentences = new List<string> { Milestones(status.Summary.Counts) };
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
        if (status.Metrics.Count > 0)
        {
            sentences.Add(Metrics(status.Metrics));
        }

        sentences.AddRange(Actions(status.Actions));
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

    public static string LongestDelay(MilestoneAssessment longest)
    {
        ArgumentNullException.ThrowIfNull(longest);
        return $"The longest delay is {Words.Count(longest.DelayDays, "day")}: {longest.Milestone.Id}, {longest.Milestone.Title}.";
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
            ? "Since last month no milestone has changed status."
            : $"Since last month, {Words.List(parts)}.";
        if (status.Removed.Count > 0)
        {
            var ids = status.Removed.Select(r => r.Milestone.Id).ToList();
            text += $" {Words.Capitalise(Words.Count(ids.Count, "milestone"))} reported last month {Words.WasWere(ids.Count)} not reported this month: {Words.List(ids)}.";
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
        return $"{Words.Capitalise(Words.Count(n, "milestone"))} {Words.IsAre(n)} due in {status.Period.Next.ToLongName()}.";
    }

    public static string Deadline(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var days = status.Summary.DaysToDeadline;
        return days >= 0
            ? $"There {Words.IsAre(days)} {Words.Count(days, "day")} to the WSoA deadline of {Words.Date(status.Deadline)}."
            : $"The WSoA deadline of {Words.Date(status.Deadline)} passed {Words.Count(-days, "day")} ago.";
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
            ? $"{Words.Capitalise(Words.Count(metrics.Count, "metric"))} {Words.IsAre(metrics.Count)} reported, none with a target."
            : $"Of {Words.Count(targeted.Count, "metric")} with a target, {Words.List(parts)}.";
        var improving = metrics.Count(m => m.Direction == Direction.Improving);
        var worsening = metrics.Count(m => m.Direction == Direction.Worsening);
        if (improving + worsening > 0)
        {
            text += $" Since the previous figures, {Words.Number(improving)} improved and {Words.Number(worsening)} worsened.";
        }

        var stale = metrics.Count(m => m.Stale);
        if (stale > 0)
        {
            text += $" {Words.Capitalise(Words.Count(stale, "metric"))} {Words.IsAre(stale)} two or more months old.";
        }

        return text;
    }

    /// <summary>"Seven actions from the previous meeting are now closed." and so on, as the Board's clerks write it.</summary>
    public static IReadOnlyList<string> Actions(ActionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var closed = log.ClosedThisPeriod.Count;
        var notDue = log.OpenNotDue.Count;
        var overdue = log.OpenOverdue.Count;
        var sentences = new List<string>
        {
            closed == 1 ? "One action is now closed." : $"{Words.Capitalise(Words.Count(closed, "action"))} are now closed.",
            $"{Words.Capitalise(Words.Count(notDue, "action"))} that {Words.IsAre(notDue)} not yet due {(notDue == 1 ? "remains" : "remain")} open.",
        };
        if (overdue > 0)
        {
            sentences.Add($"{Words.Capitalise(Words.Count(overdue, "action"))} {Words.IsAre(overdue)} overdue, the oldest by {Words.Count(log.OpenOverdue[0].OverdueDays, "day")}.");
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

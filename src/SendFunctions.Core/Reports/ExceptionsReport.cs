using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>Only what needs attention: delayed and at-risk milestones, red metrics, stale data, removed milestones, overdue actions.</summary>
internal static class ExceptionsReport
{
    public static void Write(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        word.Title($"{c.Settings.Board}: {c.Fill(c.Settings.Title)}, {c.Month}");
        word.Paragraph($"Position at {Words.Date(status.Period.AsOf)}. {Narrative.Milestones(status.Summary.Counts)} {Narrative.Deadline(status)}");

        var atRisk = status.Milestones.Where(m => m.Status == MilestoneStatus.AtRisk).OrderByDescending(m => m.DelayDays).ToList();
        var delayed = status.Milestones.Where(m => m.Status == MilestoneStatus.Delayed).OrderByDescending(m => m.DelayDays).ToList();
        var annex = new CommentaryAnnex(c.Settings.CommentaryMaxCharacters, "at the end of this report");
        Milestones(word, "Milestones at risk", atRisk, status.HasPreviousPeriod, annex);
        Milestones(word, "Milestones delayed but not at risk", delayed, status.HasPreviousPeriod, annex);

        word.Heading(1, "Milestones no longer reported");
        word.Paragraph(status.Removed.Count == 0
            ? "Every milestone reported last month is in this month's return."
            : $"{Words.Capitalise(Words.Count(status.Removed.Count, "milestone"))} reported last month {Words.WasWere(status.Removed.Count)} not in this month's return: {Words.List(status.Removed.Select(r => $"{r.Milestone.Id} ({r.Milestone.Title})").ToList())}.");

        var red = status.Metrics.Where(m => m.Rag == Rag.Red).ToList();
        word.Heading(1, "Metrics well short of target");
        if (red.Count == 0)
        {
            word.Paragraph("No metric is rated red.");
        }
        else
        {
            word.Paragraph($"{Words.Capitalise(Words.Count(red.Count, "metric"))} {Words.IsAre(red.Count)} rated red.");
            ImpactTracker.MetricTable(word, red);
        }

        var stale = status.Metrics.Where(m => m.Stale).ToList();
        word.Heading(1, "Out-of-date data");
        word.Paragraph(stale.Count == 0
            ? "Every metric describes last month or this month."
            : $"{Words.Capitalise(Words.Count(stale.Count, "metric"))} {Words.IsAre(stale.Count)} two or more months old: {Words.List(stale.Select(m => $"{m.Reading.Name} (data for {m.Reading.DataPeriod.ToLongName()})").ToList())}.");

        word.Heading(1, "Overdue actions");
        if (status.Actions.OpenOverdue.Count == 0)
        {
            word.Paragraph("No action from the Board is overdue.");
        }
        else
        {
            word.BulletList(status.Actions.OpenOverdue.Select(o => $"{o.Action.Id}: {o.Action.Description} ({o.Action.Owner}), due {ReportContext.Date(o.Action.Due)}, {Words.Count(o.OverdueDays, "day")} overdue."));
        }

        annex.Write(word, 1);
    }

    private static void Milestones(WordWriter word, string heading, List<MilestoneAssessment> milestones, bool withMovement, CommentaryAnnex annex)
    {
        word.Heading(1, heading);
        if (milestones.Count == 0)
        {
            word.Paragraph("None this month.");
            return;
        }

        word.Paragraph($"{Words.Capitalise(Words.Count(milestones.Count, "milestone"))}, longest delay first.");
        ImpactTracker.MilestoneTable(word, heading, milestones, withMovement, annex);
    }
}

using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>
/// Only what needs attention: returns missing or rejected (first), at-risk, delayed and on-hold milestones, removed
/// milestones, red metrics, stale data, overdue actions. A section whose data the month lacks says so; it never says "none".
/// </summary>
internal static class ExceptionsReport
{
    public static void Write(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        word.Title($"{c.Settings.Board}: {c.Fill(c.Settings.Title)}, {c.Month}");
        FrontMatter.PreviewNotes(word, c);
        FrontMatter.Revised(word, c);
        word.Paragraph($"Position at {Words.Date(status.Period.AsOf)}. {Narrative.Milestones(status.Summary.Counts)} {Narrative.Deadline(status)}");
        FrontMatter.DataUsed(word, c);

        Returns(word, c);
        var atRisk = status.Milestones.Where(m => m.Status == MilestoneStatus.AtRisk).OrderByDescending(m => m.DelayDays).ToList();
        var delayed = status.Milestones.Where(m => m.Status == MilestoneStatus.Delayed).OrderByDescending(m => m.DelayDays).ToList();
        var annex = new CommentaryAnnex(c.Settings.CommentaryMaxCharacters, "at the end of this report");
        Milestones(word, "Milestones at risk", atRisk, status.HasPreviousPeriod, annex);
        Milestones(word, "Milestones delayed but not at risk", delayed, status.HasPreviousPeriod, annex);
        if (status.OnHold.Count > 0)
        {
            word.Heading(1, "Milestones on hold");
            word.Paragraph($"{Narrative.OnHold(status)} A milestone on hold keeps the status its dates give it; its owner should say when work will restart.");
            ImpactTracker.MilestoneTable(word, "Milestones on hold", status.OnHold, status.HasPreviousPeriod, annex, status.Since);
        }

        word.Heading(1, "Milestones no longer reported");
        word.Paragraph(status.Removed.Count == 0
            ? "Every milestone reported last month is in this month's return."
            : $"{Words.Lead(status.Removed.Count, "milestone")} {status.ReportedBefore} {Words.WasWere(status.Removed.Count)} not in this month's return: {Words.List(status.Removed.Select(r => $"{r.Milestone.Id} ({r.Milestone.Title})").ToList())}.");

        Metrics(word, status);
        Actions(word, status);
        BusinessSections.Exceptions(word, c);
        annex.Write(word, 1);
    }

    /// <summary>The returns missing or rejected, with their owners, before anything computed from the returns that did arrive.</summary>
    private static void Returns(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        word.Heading(1, "Returns missing or rejected");
        var absent = status.Returns.NotAccepted;
        if (absent.Count == 0)
        {
            word.Paragraph($"Every return for {c.Month} was received and accepted.");
            return;
        }

        word.BulletList(absent.Select(r => DataNarrative.Absent(status, r.Dataset)
            + (c.Config.DatasetFor(r.Dataset) is { } owner ? $" The return is owned by {owner.Owner.Name}." : string.Empty)));
    }

    private static void Metrics(WordWriter word, PeriodStatus status)
    {
        word.Heading(1, "Metrics well short of target");
        if (Source(word, status, "metrics rated red cannot be listed") is { } metrics)
        {
            var red = metrics.Value.Where(m => m.Rag == Rag.Red).ToList();
            if (red.Count == 0)
            {
                word.Paragraph("No metric is rated red.");
            }
            else
            {
                word.Paragraph($"{Words.Lead(red.Count, "metric")} {Words.IsAre(red.Count)} rated red.");
                ImpactTracker.MetricTable(word, red, metrics.Period == status.Period ? null : metrics.Period);
            }
        }

        word.Heading(1, "Out-of-date data");
        if (Source(word, status, "out-of-date metrics cannot be listed") is { } all)
        {
            var stale = all.Value.Where(m => m.Stale).ToList();
            word.Paragraph(stale.Count == 0
                ? "Every metric describes last month or this month."
                : $"{Words.Lead(stale.Count, "metric")} {Words.IsAre(stale.Count)} two or more months old: {Words.List(stale.Select(m => $"{m.Reading.Name} (data for {m.Reading.DataPeriod.ToLongName()})").ToList())}.");
        }
    }

    /// <summary>The metrics a section may speak of: this month's, or the last accepted month's (labelled), or none (said in words).</summary>
    private static LastAccepted<IReadOnlyList<MetricAssessment>>? Source(WordWriter word, PeriodStatus status, string consequence)
    {
        if (status.Returns.Metrics.IsAccepted)
        {
            return new(status.Period, status.Metrics);
        }

        word.Paragraph(DataNarrative.Absent(status, Dataset.Metrics, status.EarlierMetrics is null ? consequence : null));
        if (status.EarlierMetrics is { } earlier)
        {
            word.Paragraph(DataNarrative.EarlierLabel(Dataset.Metrics, earlier.Period));
        }

        return status.EarlierMetrics;
    }

    private static void Actions(WordWriter word, PeriodStatus status)
    {
        word.Heading(1, "Overdue actions");
        var log = status.Actions;
        if (log is null)
        {
            word.Paragraph(DataNarrative.Absent(status, Dataset.Actions, status.EarlierActions is null ? "overdue actions cannot be listed" : null));
            if (status.EarlierActions is not { } earlier)
            {
                return;
            }

            word.Paragraph(DataNarrative.EarlierLabel(Dataset.Actions, earlier.Period));
            log = earlier.Value;
        }

        if (log.OpenOverdue.Count == 0)
        {
            word.Paragraph("No action from the Board is overdue.");
        }
        else
        {
            word.BulletList(log.OpenOverdue.Select(o => $"{o.Action.Id}: {o.Action.Description} ({o.Action.Owner}), due {ReportContext.Date(o.Action.Due)}, {Words.Count(o.OverdueDays, "day")} overdue."));
        }
    }

    private static void Milestones(WordWriter word, string heading, List<MilestoneAssessment> milestones, bool withMovement, CommentaryAnnex annex)
    {
        word.Heading(1, heading);
        if (milestones.Count == 0)
        {
            word.Paragraph("None this month.");
            return;
        }

        word.Paragraph($"{Words.Lead(milestones.Count, "milestone")} {Words.IsAre(milestones.Count)} listed, longest delay first.");
        ImpactTracker.MilestoneTable(word, heading, milestones, withMovement, annex);
    }
}

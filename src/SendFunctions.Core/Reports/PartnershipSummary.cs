using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>The Partnership Board's plain-English summary (seed 000): the action log in words, progress by workstream, next steps.</summary>
internal static class PartnershipSummary
{
    public static void Write(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        word.Title($"{c.Settings.Board}: {c.Fill(c.Settings.Title)}, {c.Month}");
        if (c.MeetingDate is { } date)
        {
            word.Paragraph($"Meeting held on {date}.");
        }

        if (c.Settings.MeetingNumbers is { } numbers && numbers.TryGetValue(status.Period.ToString(), out var number))
        {
            word.Paragraph($"This is the {Words.Ordinal(number)} meeting of the {c.Settings.Board}.");
        }

        foreach (var paragraph in c.Fill(c.Settings.Summary))
        {
            word.Paragraph(paragraph);
        }

        word.Heading(1, "1. Review of the action log");
        foreach (var sentence in Narrative.Actions(status.Actions))
        {
            word.Paragraph(sentence);
        }

        var open = status.Actions.OpenOverdue.Select(o => (o.Action, Overdue: o.OverdueDays)).Concat(status.Actions.OpenNotDue.Select(a => (Action: a, Overdue: 0))).ToList();
        if (open.Count > 0)
        {
            word.Table(new TableSpec(
                "Open actions",
                "Actions from the Board that remain open: reference, action, owner, due date and whether overdue.",
                ["Ref", "Action", "Owner", "Due", "Overdue"],
                open.Select(o => (IReadOnlyList<TableCellSpec>)
                [
                    o.Action.Id, o.Action.Description, o.Action.Owner, ReportContext.Date(o.Action.Due),
                    o.Overdue > 0 ? new TableCellSpec($"Yes, {Words.Count(o.Overdue, "day")}", Rag.Red) : "No",
                ]).ToList()));
        }

        word.Heading(1, "2. Progress on the Written Statement of Action");
        word.Paragraph(Narrative.Milestones(status.Summary.Counts));
        if (status.HasPreviousPeriod)
        {
            word.Paragraph(Narrative.Movements(status));
        }

        foreach (var workstream in status.Summary.Workstreams)
        {
            word.Heading(2, workstream.Workstream);
            word.Paragraph(Narrative.Milestones(workstream.Counts));
            var attention = status.Milestones
                .Where(m => string.Equals(m.Milestone.Workstream, workstream.Workstream, StringComparison.OrdinalIgnoreCase))
                .Where(m => m.Status is MilestoneStatus.Delayed or MilestoneStatus.AtRisk || m.Movement == Movement.Completed)
                .Select(m => $"{m.Milestone.Title} ({m.Milestone.Id}) is {(m.Movement == Movement.Completed ? "now complete" : MilestoneRules.Describe(m.Status))}."
                    + (m.Milestone.Commentary.Length > 0 ? $" {m.Milestone.Commentary}" : string.Empty))
                .ToList();
            if (attention.Count > 0)
            {
                word.BulletList(attention);
            }
        }

        if (status.Metrics.Count > 0)
        {
            // The metrics table is too wide for a portrait page at 10 pt without breaking words: its section is landscape.
            word.StartLandscapeSection();
            word.Heading(1, "3. Performance");
            word.Paragraph(Narrative.Metrics(status.Metrics));
            ImpactTracker.MetricTable(word, status.Metrics);
            word.EndLandscapeSection();
        }

        word.Heading(1, status.Metrics.Count > 0 ? "4. Next steps for the month ahead" : "3. Next steps for the month ahead");
        word.Paragraph(Narrative.DueNext(status));
        if (status.Summary.DueNextPeriod.Count > 0)
        {
            word.BulletList(status.Summary.DueNextPeriod.Select(m => $"{m.Milestone.Title} ({m.Milestone.Id}), {m.Milestone.Owner}, due {ReportContext.Date(m.Milestone.EffectiveDue)}."));
        }

        word.Paragraph(Narrative.Deadline(status));
    }
}

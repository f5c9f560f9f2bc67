using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>
/// The Partnership Board's plain-English summary (seed 000): the action log in words, progress by workstream,
/// performance, next steps and a glossary. It stays short at any scale: each list shows its most pressing items and
/// says how many more the WSoA Impact Tracker holds.
/// </summary>
internal static class PartnershipSummary
{
    /// <summary>Milestones named under each workstream, most severe first.</summary>
    public const int ItemsPerWorkstream = 3;

    /// <summary>Open actions, milestones due next month and metrics listed, at most.</summary>
    public const int ItemsPerList = 10;

    /// <summary>Commentary quoted beside a milestone, in characters, before it is cut at a word.</summary>
    public const int CommentaryShown = 280;

    public static void Write(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        word.Title($"{c.Settings.Board}: {c.Fill(c.Settings.Title)}, {c.Month}");
        FrontMatter.PreviewNotes(word, c);
        FrontMatter.Revised(word, c);
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

        if (c.CoverNote is { } note)
        {
            word.Paragraph(note);
        }

        FrontMatter.DataUsed(word, c);

        // Sections are numbered as they are written: the subgroups' updates and the decision log come only where the
        // programme has them, and without them the summary is numbered as it always was.
        var section = 0;
        ActionLog(word, status, ++section);
        if (BusinessSections.Has(c, Ingestion.Dataset.Updates))
        {
            BusinessSections.Updates(word, c, (++section).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (BusinessSections.Has(c, Ingestion.Dataset.Decisions))
        {
            BusinessSections.Decisions(word, c, (++section).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Progress(word, status, ++section);
        Performance(word, c, ++section);
        NextSteps(word, c, ++section);
        Glossary.Write(word, c, $"{++section}. Abbreviations used in this summary");
    }

    private static void ActionLog(WordWriter word, PeriodStatus status, int number)
    {
        word.Heading(1, $"{number}. Review of the action log");
        foreach (var sentence in Narrative.ActionsOf(status))
        {
            word.Paragraph(sentence);
        }

        if ((status.Actions ?? status.EarlierActions?.Value) is not { } log)
        {
            return;
        }

        var open = log.OpenOverdue.Select(o => (o.Action, Overdue: o.OverdueDays)).Concat(log.OpenNotDue.Select(a => (Action: a, Overdue: 0))).ToList();
        if (open.Count > 0)
        {
            word.Table(new TableSpec(
                "Open actions",
                "Actions from the Board that remain open, most overdue first: reference, action, owner, due date and whether overdue.",
                ["Ref", "Action", "Owner", "Due", "Overdue"],
                open.Take(ItemsPerList).Select(o => (IReadOnlyList<TableCellSpec>)
                [
                    o.Action.Id, o.Action.Description, o.Action.Owner, ReportContext.Date(o.Action.Due),
                    o.Overdue > 0 ? new TableCellSpec($"Yes, {Words.Count(o.Overdue, "day")}", Rag.Red) : "No",
                ]).ToList()));
            More(word, open.Count - ItemsPerList, "open action", "the action log");
        }
    }

    private static void Progress(WordWriter word, PeriodStatus status, int number)
    {
        word.Heading(1, $"{number}. Progress on the Written Statement of Action");
        word.Paragraph(Narrative.Milestones(status.Summary.Counts));
        if (Narrative.OnHold(status) is { } onHold)
        {
            word.Paragraph(onHold);
        }

        if (status.HasPreviousPeriod)
        {
            word.Paragraph(Narrative.Movements(status));
        }

        var section = 0;
        foreach (var workstream in status.Summary.Workstreams)
        {
            word.Heading(2, $"{number}.{++section} {workstream.Workstream}");
            word.Paragraph(Narrative.Milestones(workstream.Counts));
            var attention = status.Milestones
                .Where(m => string.Equals(m.Milestone.Workstream, workstream.Workstream, StringComparison.OrdinalIgnoreCase))
                .Where(m => m.Status is MilestoneStatus.Delayed or MilestoneStatus.AtRisk || m.Movement == Movement.Completed || m.OnHold)
                .OrderBy(Severity)
                .ThenByDescending(m => m.DelayDays)
                .ThenBy(m => m.Milestone.Id, StringComparer.Ordinal)
                .ToList();
            if (attention.Count > 0)
            {
                word.BulletList(attention.Take(ItemsPerWorkstream).Select(Item));
                More(word, attention.Count - ItemsPerWorkstream, "milestone in this workstream that needs attention", "the WSoA Impact Tracker", "milestones in this workstream that need attention");
            }
        }
    }

    private static void Performance(WordWriter word, ReportContext c, int number)
    {
        var status = c.Status;
        var (metrics, earlier) = status.Returns.Metrics.IsAccepted
            ? (status.Metrics, (Periods.ReportingPeriod?)null)
            : (status.EarlierMetrics?.Value ?? [], status.EarlierMetrics?.Period);
        if (metrics.Count > 0)
        {
            // The metrics table is too wide for a portrait page at 10 pt without breaking words: its section is landscape.
            word.StartLandscapeSection();
        }

        word.Heading(1, $"{number}. Performance");
        foreach (var sentence in Narrative.MetricsOf(status))
        {
            word.Paragraph(sentence);
        }

        if (metrics.Count == 0)
        {
            return;
        }

        // The key metrics first (those configured for trend charts, else those with a target), then the rest.
        var wanted = c.Settings.TrendMetrics;
        var ordered = metrics.OrderBy(m => wanted is null ? (m.Reading.Target is null ? 1 : 0) : (wanted.Contains(m.Reading.Id, StringComparer.OrdinalIgnoreCase) ? 0 : 1)).ToList();
        ImpactTracker.MetricTable(word, ordered.Take(ItemsPerList).ToList(), earlier);
        More(word, ordered.Count - ItemsPerList, "metric", "the WSoA Impact Tracker");
        ImpactTracker.MetricCommentary(word, ordered.Take(ItemsPerList).ToList());
        word.EndLandscapeSection();
    }

    private static void NextSteps(WordWriter word, ReportContext c, int number)
    {
        var status = c.Status;
        word.Heading(1, $"{number}. Next steps for the month ahead");
        word.Paragraph(Narrative.DueNext(status));
        var due = status.Summary.DueNextPeriod;
        if (due.Count > 0)
        {
            word.BulletList(due.Take(ItemsPerList).Select(m => $"{m.Milestone.Id} ({m.Milestone.Title}): {m.Milestone.Owner}, due {ReportContext.Date(m.Milestone.EffectiveDue)}."));
            More(word, due.Count - ItemsPerList, "milestone due next month", "the WSoA Impact Tracker", "milestones due next month");
        }

        if (BusinessSections.Has(c, Ingestion.Dataset.Decisions) && status.Business.Decisions is not null)
        {
            BusinessSections.DueAndOverdue(word, c);
        }

        word.Paragraph(Narrative.Deadline(status));
    }

    /// <summary>At risk first, then delayed, then on hold, then completed this month.</summary>
    private static int Severity(MilestoneAssessment m) => m.Status switch
    {
        MilestoneStatus.AtRisk => 0,
        MilestoneStatus.Delayed => 1,
        _ when m.OnHold => 2,
        _ => 3,
    };

    /// <summary>"Milestone WS2-01 (Deliver the plan) is delayed but not at risk." and its commentary, cut at a word if long.</summary>
    private static string Item(MilestoneAssessment m)
    {
        var state = m.Movement == Movement.Completed ? "now complete" : Narrative.Describe(m);
        var text = $"{Narrative.Named(m.Milestone)} is {state}.";
        var commentary = m.Milestone.Commentary.Trim();
        if (commentary.Length > CommentaryShown)
        {
            var cut = commentary.LastIndexOf(' ', CommentaryShown);
            commentary = commentary[..(cut > 0 ? cut : CommentaryShown)].TrimEnd(',', ';', ':', '.') + "\u2026 (the full commentary is in the WSoA Impact Tracker)";
        }

        return commentary.Length > 0 ? $"{text} {commentary}" : text;
    }

    /// <summary>"A further 12 milestones ... are listed in the WSoA Impact Tracker." when a list was cut short.</summary>
    private static void More(WordWriter word, int more, string singular, string where, string? plural = null)
    {
        if (more == 1)
        {
            word.Paragraph($"One more {singular} is listed in {where}.");
        }
        else if (more > 1)
        {
            word.Paragraph($"A further {Words.Count(more, singular, plural ?? singular + "s")} are listed in {where}.");
        }
    }
}

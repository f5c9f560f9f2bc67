using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>
/// The Board's own business in the papers: the subgroups' words, decisions and report-backs, risks. Each writer writes
/// nothing when the period does not have the dataset (not expected, not accepted), and says in words when an expected one
/// is missing or rejected.
/// </summary>
internal static class BusinessSections
{
    public static bool Has(ReportContext c, Dataset dataset) => c.Status.Returns.Has(dataset);

    /// <summary>"The decision log for January 2025 was not received, so ..." when the return is expected and absent; else null.</summary>
    public static string? Absence(ReportContext c, Dataset dataset) =>
        Has(c, dataset) && !c.Status.Returns.For(dataset).IsAccepted ? DataNarrative.Absent(c.Status, dataset, null) : null;

    /// <summary>The date of the Board's next meeting (the one for the month after), or null when none is configured.</summary>
    public static DateOnly? NextMeeting(ReportContext c) =>
        c.Settings.MeetingDates is { } dates && dates.TryGetValue(c.Status.Period.Next.ToString(), out var date) ? date : null;

    /// <summary>Each subgroup's progress since the last meeting, next steps and escalations, in its own words.</summary>
    public static void Updates(WordWriter word, ReportContext c, string number)
    {
        word.Heading(1, $"{number}. Updates from the subgroups");
        if (Absence(c, Dataset.Updates) is { } absent)
        {
            word.Paragraph(absent);
            return;
        }

        var sub = 0;
        foreach (var update in c.Status.Business.Updates ?? [])
        {
            word.Heading(2, $"{number}.{++sub} {update.Workstream}");
            word.Paragraph($"Reported by the {update.Lead}.");
            if (update.Highlights is { } highlights)
            {
                Points(word, highlights);
            }

            word.Heading(3, "Progress made since the last meeting");
            Points(word, update.Progress);
            word.Heading(3, "Next steps for the month ahead");
            Points(word, update.NextSteps);
            word.Heading(3, "Issues escalated to the Board");
            if (update.Escalations is { } escalations)
            {
                Points(word, escalations);
            }
            else
            {
                word.Paragraph("The subgroup escalated no issues this month.");
            }
        }
    }

    /// <summary>Decisions taken at the month's meeting, reports asked for and when they come back, and those overdue.</summary>
    public static void Decisions(WordWriter word, ReportContext c, string number)
    {
        word.Heading(1, $"{number}. Decisions and reports coming back to the Board");
        if (Absence(c, Dataset.Decisions) is { } absent)
        {
            word.Paragraph(absent);
            return;
        }

        var log = c.Status.Business.Decisions ?? [];
        var period = c.Status.Period;
        var taken = ReportBacks.TakenIn(log, period);
        word.Paragraph(taken.Count == 0
            ? $"The decision log records no decisions or resolutions made in {c.Month}."
            : $"The Board made {Words.Count(taken.Count, "decision or resolution", "decisions or resolutions")} in {c.Month}:");
        word.BulletList(taken.Select(d => Sentence(d.Text, false) + (d.Owner is { } owner ? $" ({owner})." : ".")));

        var asked = ReportBacks.AskedIn(log, period);
        if (asked.Count > 0)
        {
            word.Paragraph($"The Board asked for {Words.Count(asked.Count, "report")} to come back:");
            word.BulletList(asked.Select(d => $"{Sentence(d.Text, false)}: {d.Owner ?? "owner not recorded"}, due at the meeting on {Words.Date(d.DueMeeting!.Value)}."));
        }

        DueAndOverdue(word, c);
    }

    /// <summary>Report-backs due at the next meeting, for the clerk, and those overdue, flagged.</summary>
    public static void DueAndOverdue(WordWriter word, ReportContext c)
    {
        var log = c.Status.Business.Decisions ?? [];
        var due = ReportBacks.DueNext(log, c.Status.Period, NextMeeting(c));
        var when = NextMeeting(c) is { } next ? $"the next meeting on {Words.Date(next)}" : $"the meeting in {c.Status.Period.Next.ToLongName()}";
        word.Paragraph(due.Count == 0
            ? $"No reports are due to come back at {when}."
            : $"{Words.Capitalise(Words.Count(due.Count, "report"))} {Words.IsAre(due.Count)} due to come back at {when}:");
        word.BulletList(due.Select(d => $"{Sentence(d.Text, false)}: {d.Owner ?? "owner not recorded"} ({d.Id})."));
        Overdue(word, c);
    }

    /// <summary>Open report-backs whose meeting has passed.</summary>
    public static void Overdue(WordWriter word, ReportContext c)
    {
        var overdue = ReportBacks.Overdue(c.Status.Business.Decisions ?? [], c.Status.Period);
        if (overdue.Count == 0)
        {
            word.Paragraph("No report the Board asked for is overdue.");
            return;
        }

        word.Paragraph($"Overdue: {Words.Count(overdue.Count, "report")} the Board asked for {Words.WasWere(overdue.Count)} due at a meeting that has passed and {Words.IsAre(overdue.Count)} still open:");
        word.BulletList(overdue.Select(d => $"Overdue: {Sentence(d.Text, false)}: {d.Owner ?? "owner not recorded"}, due on {Words.Date(d.DueMeeting!.Value)} ({d.Id})."));
    }

    /// <summary>The Board paper's "Relevant risks" paragraphs from the risk log: null when the period has no accepted log.</summary>
    public static IReadOnlyList<string>? RiskParagraphs(ReportContext c)
    {
        if (c.Status.Business.Risks is not { } risks)
        {
            return null;
        }

        var threshold = c.Programme.HighRiskScore;
        var open = risks.Where(r => r.Risk.Status == RiskState.Open).ToList();
        var high = open.Where(r => r.IsHigh(threshold)).ToList();
        var openRisks = open.Count(r => r.Risk.Type == RiskType.Risk);
        var openIssues = open.Count - openRisks;
        var paragraphs = new List<string>
        {
            $"The programme's risk and issue log for {c.Month} holds {Words.Count(openRisks, "open risk")} and {Words.Count(openIssues, "open issue")}. "
            + (high.Count == 0
                ? $"None scores {threshold} or more (likelihood times impact, out of 25)."
                : $"{Words.Capitalise(Words.Count(high.Count, "entry", "entries"))} {Words.IsAre(high.Count)} rated high, scoring {threshold} or more (likelihood times impact, out of 25):"),
        };
        paragraphs.AddRange(high.Select(Describe));
        return paragraphs;
    }

    /// <summary>
    /// A council paper's risks section: from the risk log where the month has one accepted; the configured text with the
    /// absence said where the log is expected but missing or rejected; null (the configured text alone) where the
    /// programme keeps no risk log in the system.
    /// </summary>
    public static IReadOnlyList<string>? RiskSection(ReportContext c, IEnumerable<string> configured)
    {
        if (RiskParagraphs(c) is { } fromLog)
        {
            return fromLog;
        }

        return Absence(c, Dataset.Risks) is { } absent ? [.. configured, absent] : null;
    }

    /// <summary>
    /// Recommendations the month's business adds after the configured ones: noting the high risks, and, from the decision
    /// log, agreeing new dates for overdue report-backs and noting those due at the next meeting.
    /// </summary>
    public static IEnumerable<string> Recommendations(ReportContext c)
    {
        var high = (c.Status.Business.Risks ?? []).Count(r => r.IsHigh(c.Programme.HighRiskScore));
        if (high > 0)
        {
            yield return $"Note the {Words.Count(high, "high risk or issue", "high risks and issues")} in the programme's risk and issue log and the mitigation in place, set out under Relevant risks.";
        }

        if (Has(c, Dataset.Decisions) && c.Status.Returns.For(Dataset.Decisions).IsAccepted && c.Status.Business.Decisions is { } log)
        {
            var overdue = ReportBacks.Overdue(log, c.Status.Period).Count;
            if (overdue > 0)
            {
                yield return overdue == 1
                    ? "Agree when the overdue report it asked for will come back, listed under Reports due to come back."
                    : $"Agree when each of the {Words.Count(overdue, "overdue report", "overdue reports")} it asked for will come back, listed under Reports due to come back.";
            }

            var due = ReportBacks.DueNext(log, c.Status.Period, NextMeeting(c)).Count;
            if (due > 0)
            {
                yield return due == 1
                    ? "Note the report due to come back at its next meeting."
                    : $"Note the {Words.Count(due, "report", "reports")} due to come back at its next meeting.";
            }
        }
    }

    /// <summary>Report-backs due at the next meeting and those overdue, as a council paper's paragraphs; null when the month has no decision log.</summary>
    public static IReadOnlyList<string>? ReportBackParagraphs(ReportContext c)
    {
        if (!Has(c, Dataset.Decisions))
        {
            return null;
        }

        if (Absence(c, Dataset.Decisions) is { } absent)
        {
            return [absent];
        }

        var log = c.Status.Business.Decisions ?? [];
        var due = ReportBacks.DueNext(log, c.Status.Period, NextMeeting(c));
        var overdue = ReportBacks.Overdue(log, c.Status.Period);
        var when = NextMeeting(c) is { } next ? $"the next meeting on {Words.Date(next)}" : $"the meeting in {c.Status.Period.Next.ToLongName()}";
        var paragraphs = new List<string>
        {
            due.Count == 0
                ? $"No reports are due to come back at {when}."
                : $"{Words.Capitalise(Words.Count(due.Count, "report"))} {Words.IsAre(due.Count)} due to come back at {when}: "
                  + Words.List(due.Select(d => $"{Sentence(d.Text, false)} ({d.Owner ?? "owner not recorded"})").ToList()) + ".",
        };
        paragraphs.Add(overdue.Count == 0
            ? "No report asked for is overdue."
            : $"Overdue: {Words.Count(overdue.Count, "report")} asked for {Words.WasWere(overdue.Count)} due at a meeting that has passed: "
              + Words.List(overdue.Select(d => $"{Sentence(d.Text, false)} ({d.Owner ?? "owner not recorded"}, due {Words.Date(d.DueMeeting!.Value)})").ToList()) + ".");
        return paragraphs;
    }

    /// <summary>The exceptions report's additions: escalations, high risks, overdue report-backs, each only where the month has the dataset.</summary>
    public static void Exceptions(WordWriter word, ReportContext c)
    {
        var status = c.Status;
        if (Has(c, Dataset.Updates))
        {
            word.Heading(1, "Issues escalated by the subgroups");
            var escalated = (status.Business.Updates ?? []).Where(u => u.Escalations is not null).ToList();
            word.Paragraph(Absence(c, Dataset.Updates) ?? (escalated.Count == 0
                ? "No subgroup escalated an issue to the Board this month."
                : $"{Words.Capitalise(Words.Count(escalated.Count, "subgroup"))} escalated issues to the Board:"));
            word.BulletList(escalated.Select(u => $"{u.Workstream} ({u.Lead}): {string.Join(" ", u.Escalations!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}"));
        }

        if (Has(c, Dataset.Risks))
        {
            var threshold = c.Programme.HighRiskScore;
            word.Heading(1, "High risks and issues");
            var high = (status.Business.Risks ?? []).Where(r => r.IsHigh(threshold)).ToList();
            word.Paragraph(Absence(c, Dataset.Risks) ?? (high.Count == 0
                ? $"No open risk or issue in the log scores {threshold} or more."
                : $"{Words.Capitalise(Words.Count(high.Count, "open entry", "open entries"))} in the risk and issue log {(high.Count == 1 ? "scores" : "score")} {threshold} or more (likelihood times impact, out of 25), highest first:"));
            word.BulletList(high.Select(Describe));
        }

        if (Has(c, Dataset.Decisions))
        {
            word.Heading(1, "Overdue reports to the Board");
            if (Absence(c, Dataset.Decisions) is { } absent)
            {
                word.Paragraph(absent);
            }
            else
            {
                Overdue(word, c);
            }
        }
    }

    /// <summary>"R-03 (risk): EHCP timeliness does not recover. Score 16 (likelihood 4, impact 4), rising. Owner: ... Mitigation: ..."</summary>
    public static string Describe(RiskAssessment r)
    {
        var risk = r.Risk;
        var trend = r.Trend switch
        {
            RiskTrend.Up => "rising",
            RiskTrend.Down => "falling",
            RiskTrend.Same => "unchanged",
            _ => "new",
        };
        var text = $"{risk.Id} ({risk.Type.ToString().ToLowerInvariant()}, {risk.Workstream}): {Sentence(risk.Title)} Score {risk.Score} (likelihood {risk.Likelihood}, impact {risk.Impact}), {trend}. Owner: {risk.Owner}.";
        return risk.Mitigation is { } mitigation ? $"{text} Mitigation: {Sentence(mitigation)}" : text;
    }

    /// <summary>Each line of an owner's cell as a point of its own.</summary>
    private static void Points(WordWriter word, string text) =>
        word.BulletList(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The owner's text ending with a full stop (or without one, to be followed by more).</summary>
    private static string Sentence(string text, bool stop = true)
    {
        var trimmed = text.Trim().TrimEnd('.');
        return stop ? trimmed + "." : trimmed;
    }
}

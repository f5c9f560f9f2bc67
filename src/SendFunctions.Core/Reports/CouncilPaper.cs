using System.Globalization;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>The council report format of the Health and Wellbeing Board and the committee (seed 002), with the tracker as Appendix 1.</summary>
internal static class CouncilPaper
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static void Write(WordWriter word, ReportContext c)
    {
        var s = c.Settings;
        word.Title(s.Board.ToUpper(British));
        FrontMatter.PreviewNotes(word, c);
        FrontMatter.Revised(word, c);
        if (c.MeetingDate is { } meeting)
        {
            word.Paragraph(meeting);
        }
        else
        {
            // A committee paper is written for a meeting: without one it is a preview, and says so where a clerk looks first.
            word.Notice($"PREVIEW, NOT FOR A MEETING: no meeting date is set for the {c.Month} paper. Add the meeting to reports.{c.Kind.ToSlug()}.calendar.meetings in reporting.json.");
        }
        word.Labelled("REPORT TITLE:", c.Fill(s.Title).ToUpper(British));
        if (s.ReportOf is { } reportOf)
        {
            word.Labelled("REPORT OF:", c.Fill(reportOf).ToUpper(British));
        }

        word.Heading(1, "REPORT SUMMARY");
        foreach (var paragraph in c.Fill(s.Summary))
        {
            word.Paragraph(paragraph);
        }

        if (c.CoverNote is { } note)
        {
            word.Paragraph(note);
        }

        word.Paragraph($"This report gives the position at {Words.Date(c.Status.Period.AsOf)}. {Narrative.Milestones(c.Status.Summary.Counts)} The WSoA Impact Tracker is at Appendix 1.");
        FrontMatter.DataUsed(word, c);

        word.Heading(1, "RECOMMENDATION/S");
        word.Paragraph(c.Fill(s.RecommendationsIntro ?? $"The {s.Board} is requested to:"));
        word.NumberedList(c.Fill(s.Recommendations ?? ["Note the progress made against the Written Statement of Action set out in Appendix 1."])
            .Concat(BusinessSections.Recommendations(c)));

        word.Heading(1, "SUPPORTING INFORMATION");
        var section = 0;
        section = Section(word, section, "REASON/S FOR RECOMMENDATION/S", c.Fill(s.Reasons));
        section = Section(word, section, "OTHER OPTIONS CONSIDERED", c.Fill(s.OtherOptions ?? ["No other options have been considered."]));
        section = Section(word, section, "BACKGROUND INFORMATION", c.Fill(s.Background).Concat(Progress(c)));
        if (BusinessSections.ReportBackParagraphs(c) is { } reportBacks)
        {
            section = Section(word, section, "REPORTS DUE TO COME BACK", reportBacks);
        }

        // The risks section comes from the risk and issue log where the month has one; the configured text otherwise.
        var risksWritten = false;
        foreach (var implication in s.Implications ?? [])
        {
            var heading = c.Fill(implication.Heading).ToUpper(British);
            var fromLog = !risksWritten && heading.Contains("RISK", StringComparison.Ordinal) ? BusinessSections.RiskSection(c, c.Fill(implication.Paragraphs)) : null;
            risksWritten |= fromLog is not null;
            section = Section(word, section, heading, fromLog ?? c.Fill(implication.Paragraphs));
        }

        if (!risksWritten && BusinessSections.RiskSection(c, []) is { Count: > 0 } risks)
        {
            section = Section(word, section, "RELEVANT RISKS", risks);
        }

        if (s.Author is { } author)
        {
            word.Labelled("REPORT AUTHOR:", author.Name);
            var contact = new List<string>();
            if (author.Role is { } role && !string.Equals(role.Trim(), author.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                contact.Add(role);
            }

            if (author.Phone is { } phone)
            {
                contact.Add($"Telephone: {phone}");
            }

            contact.Add($"Email: {author.Email}");
            word.Paragraph(string.Join("\n", contact));
        }

        word.Heading(1, "APPENDICES");
        word.BulletList(new[] { $"Appendix 1: Written Statement of Action Impact Tracker, {c.Month}" }.Concat(c.Fill(s.Appendices)));

        if (s.BackgroundPapers is { Count: > 0 } papers)
        {
            word.Heading(1, "BACKGROUND PAPERS");
            word.BulletList(c.Fill(papers));
        }

        if (s.TermsOfReference is { } terms)
        {
            word.Heading(1, "TERMS OF REFERENCE");
            word.Paragraph(c.Fill(terms));
        }

        if (c.SubjectHistory is { Count: > 0 } history)
        {
            word.Heading(1, "SUBJECT HISTORY (last 3 years)");
            word.Table(new TableSpec(
                "Subject history",
                "Meetings that have considered this subject in the last three years, with their dates.",
                ["Council Meeting", "Date"],
                history.OrderBy(h => h.Date).Select(h => (IReadOnlyList<TableCellSpec>)[h.Meeting, h.Date.ToString("d MMMM yyyy", British)]).ToList()));
        }

        word.Paragraph("Appendix 1, the WSoA Impact Tracker, follows.");
        word.StartLandscapeSection();
        ImpactTracker.Write(word, c, headingLevel: 1);
    }

    /// <summary>The generated progress paragraphs that close the background section: one idea to each numbered paragraph.</summary>
    private static IEnumerable<string> Progress(ReportContext c)
    {
        var status = c.Status;
        yield return $"The paragraphs that follow summarise progress against the Written Statement of Action at {Words.Date(status.Period.AsOf)}. Detailed progress is in the WSoA Impact Tracker (Appendix 1).";
        yield return Narrative.Milestones(status.Summary.Counts) + (Narrative.OnHold(status) is { } onHold ? " " + onHold : string.Empty);
        if (status.Summary.LongestDelay is { } longest)
        {
            yield return Narrative.LongestDelay(longest);
        }

        if (status.HasPreviousPeriod)
        {
            yield return Narrative.Movements(status);
        }

        yield return Narrative.DueNext(status);
        yield return Narrative.Deadline(status);
        yield return string.Join(" ", Narrative.MetricsOf(status));
        var actions = string.Join(" ", Narrative.ActionsOf(status));
        yield return status.Actions is null ? actions : $"The action log of the Local Area SEND Partnership Board: {actions}";
    }

    /// <summary>Writes a numbered section if it has any paragraphs; returns the number of the last section written.</summary>
    private static int Section(WordWriter word, int previous, string heading, IEnumerable<string> paragraphs)
    {
        var list = paragraphs.ToList();
        if (list.Count == 0)
        {
            return previous;
        }

        var number = previous + 1;
        word.Heading(2, $"{number}.0 {heading}");
        for (var i = 0; i < list.Count; i++)
        {
            word.Paragraph($"{number}.{i + 1} {list[i]}");
        }

        return number;
    }
}

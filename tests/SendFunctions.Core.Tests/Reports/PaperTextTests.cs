using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Status;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>The papers read as text a clerk would sign: grammar, month names, on-hold milestones, descriptions, author, headings.</summary>
public sealed class PaperTextTests
{
    public static TheoryData<ReportKind> Kinds() => new(ReportKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_SampleProse_NoSentenceStartsWithANumeralAndMonthsAreInFull(ReportKind kind)
    {
        foreach (var period in new[] { "2024-11", "2024-12", "2025-01" })
        {
            using var paper = Paper.Render(kind, SampleStatus.For(period));
            foreach (var paragraph in paper.Prose)
            {
                // Council papers number their paragraphs ("3.2 ...") and label some ("Data used in this paper: ...").
                NarrativeGrammarTests.AssertReadsWell(Regex.Replace(paragraph, @"^(\d+\.\d+ |Data used in this paper: |Preview note: |REPORT [A-Z ]+: )", string.Empty));
            }

            Assert.DoesNotMatch(@"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b", paper.Text);
        }
    }

    [Fact]
    public void Render_PercentMetricChange_IsInPercentagePoints()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"));
        var ehcp = paper.Rows.First(r => r[0].StartsWith("EHCPs issued within 20 weeks", StringComparison.Ordinal));
        Assert.Equal("\u25B2 up 2.0 percentage points (improving)", ehcp[5]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_OnHoldMilestone_IsNeverABareOnTrack(ReportKind kind)
    {
        using var paper = Paper.Render(kind, SampleStatus.For("2025-01"));

        var rows = paper.Rows.Where(r => r[0] == "WS4-03").ToList();
        Assert.All(rows, r => Assert.Equal("On track, on hold", r[5]));
        Assert.Contains(paper.Prose, p => p.Contains("Milestone WS4-03 is reported on hold.", StringComparison.Ordinal));
        if (kind == ReportKind.Exceptions)
        {
            Assert.Contains(paper.Headings, h => h.InnerText == "Milestones on hold");
            Assert.Single(rows);
        }

        if (kind == ReportKind.PartnershipBoard)
        {
            Assert.Contains("Milestone WS4-03 (Emotion Based School Avoidance project established) is on track, reported on hold. Paused until the new attendance guidance is published.", paper.Prose);
        }

        if (kind is ReportKind.HwbBoard or ReportKind.CypeCommittee)
        {
            Assert.Single(rows); // its workstream's table in the tracker
        }
    }

    [Fact]
    public void Highlights_OnHoldMilestone_IsMentioned() =>
        Assert.Contains("Milestone WS4-03 is reported on hold.", ReportHighlights.From(SampleStatus.For("2025-01")).Highlights);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_MilestoneDescriptions_AreNeverTheSubjectOfASentence(ReportKind kind)
    {
        var status = SampleStatus.For("2025-01");
        using var paper = Paper.Render(kind, status);

        var titles = status.Milestones.Concat(status.Removed).Select(m => m.Milestone.Title).ToList();
        var sentences = paper.Prose.SelectMany(p => p.Split(". ")).ToList();
        Assert.DoesNotContain(sentences, s => titles.Any(t => s.StartsWith(t, StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_PartnershipWorkstreams_AreNumberedWithinTheirSection()
    {
        using var paper = Paper.Render(ReportKind.PartnershipBoard, SampleStatus.For("2025-01"));
        var second = paper.Headings.Where(h => h.ParagraphProperties!.ParagraphStyleId!.Val == "Heading2").Select(h => h.InnerText).ToList();
        Assert.Equal(6, second.Count);
        Assert.All(second.Select((h, i) => (h, i)), x => Assert.StartsWith($"2.{x.i + 1} ", x.h, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_CouncilBackground_HasOneIdeaPerNumberedParagraph()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"));
        var background = paper.Prose.Where(p => p.StartsWith("3.", StringComparison.Ordinal)).ToList();

        Assert.Contains("3.6 Three milestones are due in February 2025.", background);
        Assert.Contains("3.7 There are 273 days to the WSoA deadline of 31 October 2025.", background);
        Assert.Contains("3.9 The action log of the Local Area SEND Partnership Board: Seven actions are now closed. Four actions that are not yet due remain open. One action is overdue, by 45 days.", background);
        Assert.All(background, p => Assert.True(p.Split(' ').Length < 60, $"'{p}' holds more than one idea"));
    }

    [Fact]
    public void Render_Author_NamedOnceWithTheirRole()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"));
        var at = paper.Prose.ToList().IndexOf("REPORT AUTHOR: Sam Taylor");
        Assert.True(at >= 0);
        Assert.StartsWith("Director for Children, Families and EducationTelephone", paper.Prose[at + 1], StringComparison.Ordinal);

        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var sameAsRole = SampleStatus.Config with
        {
            Reports = new Dictionary<string, ReportSettings> { ["hwb-board"] = settings with { Author = settings.Author! with { Name = settings.Author.Role! } } },
        };
        using var unnamed = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"), sameAsRole);
        var prose = unnamed.Prose.ToList();
        var block = prose.IndexOf("REPORT AUTHOR: Director for Children, Families and Education");
        Assert.StartsWith("Telephone: 0151 000 0000", prose[block + 1], StringComparison.Ordinal); // the role is not printed a second time
    }

    [Fact]
    public void Config_PlaceholderContacts_AreWarnedAndNotedInAPreviewOnly()
    {
        var warnings = ReportingConfig.Parse(File.ReadAllBytes(Path.Combine(Repository.Samples, "config", "reporting.json"))).Warnings!;
        Assert.Contains(warnings, w => w.StartsWith("reports.hwb-board.author.phone looks like a placeholder (its local number is all zeros or one repeated digit).", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("reports.hwb-board.author.email is at a reserved example domain (example.gov.uk), so it looks like a placeholder.", StringComparison.Ordinal));

        using var preview = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"), preview: true);
        using var final = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"));
        Assert.Contains(preview.Prose, p => p.StartsWith("Preview note: reports.hwb-board.author.phone", StringComparison.Ordinal));
        Assert.DoesNotContain(final.Prose, p => p.StartsWith("Preview note:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sam Taylor", "sam.taylor@wirral.gov.uk", "0151 666 4321", 0)]
    [InlineData("TBC", "sam.taylor@wirral.gov.uk", null, 1)]
    [InlineData("Sam Taylor", "someone@example.com", "0151 111 1111", 2)]
    public void Placeholders_ContactDetails_OnlyTheFakeOnesAreFlagged(string name, string email, string? phone, int expected)
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")! with { Author = new Person(name, email, "Director", phone) };
        Assert.Equal(expected, Placeholders.InReport("hwb-board", settings).Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_Headings_AreKeptWithWhatFollows(ReportKind kind)
    {
        using var paper = Paper.Render(kind, SampleStatus.For("2025-01"));

        Assert.All(paper.Headings, h => Assert.NotNull(h.ParagraphProperties!.KeepNext));
        foreach (var table in paper.Body.Elements<Table>())
        {
            // A table's lead-in sentence after a heading stays with the table's first rows.
            if (table.PreviousSibling() is Paragraph lead && lead.PreviousSibling() is Paragraph heading && paper.Headings.Contains(heading))
            {
                Assert.NotNull(lead.ParagraphProperties?.KeepNext);
                Assert.All(table.Elements<TableRow>().First().Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
            }
        }
    }

    [Fact]
    public void Render_PartnershipGlossary_ExplainsTheAbbreviationsItUses()
    {
        using var paper = Paper.Render(ReportKind.PartnershipBoard, SampleStatus.For("2025-01"));

        Assert.Equal("5. Abbreviations used in this summary", paper.Headings[^1].InnerText);
        var glossary = paper.Prose.SkipWhile(p => !p.StartsWith("EHC:", StringComparison.Ordinal)).ToList();
        Assert.Contains(glossary, g => g.StartsWith("WSoA: Written Statement of Action", StringComparison.Ordinal));
        Assert.Contains(glossary, g => g.StartsWith("EHCP: Education, Health and Care Plan", StringComparison.Ordinal));
        Assert.Contains(glossary, g => g.StartsWith("RAG: red, amber, green", StringComparison.Ordinal));
        Assert.Contains(glossary, g => g.StartsWith("ICB: Integrated Care Board", StringComparison.Ordinal)); // from the data, defined in reporting.json
        Assert.DoesNotContain(glossary, g => g.StartsWith("CDC:", StringComparison.Ordinal)); // defined, but this summary does not use it
    }

    [Theory]
    [InlineData("Four EHCPs were issued.", "EHCP", true)]
    [InlineData("Enquiries to SENDIASS", "SEND", false)]
    [InlineData("The WSoA deadline", "WSoA", true)]
    [InlineData("RAGE", "RAG", false)]
    public void Glossary_Uses_MatchesWholeWordsOnly(string text, string abbreviation, bool expected) =>
        Assert.Equal(expected, Glossary.Uses(text, abbreviation));

    [Fact]
    public void Render_ThreeHundredMilestones_KeepsThePartnershipSummaryShort()
    {
        var status = SampleStatus.With("2025-01", month => month.With(new DatasetRows<Milestone>(Many(300))));

        using var paper = Paper.Render(ReportKind.PartnershipBoard, status);

        Assert.Empty(paper.ValidationErrors());
        Assert.True(paper.Text.Length < 15_000, $"the summary holds {paper.Text.Length} characters");
        var items = paper.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "ListParagraph").ToList();
        Assert.True(items.Count <= (6 * PartnershipSummary.ItemsPerWorkstream) + PartnershipSummary.ItemsPerList + 10, $"{items.Count} list items");
        Assert.All(paper.Prose, p => Assert.True(p.Length < 1_000, $"a paragraph of {p.Length} characters"));
        Assert.Contains(paper.Prose, p => Regex.IsMatch(p, @"^A further \d+ milestones in this workstream that need attention are listed in the WSoA Impact Tracker\.$"));
        Assert.Contains("(the full commentary is in the WSoA Impact Tracker)", paper.Text, StringComparison.Ordinal);
    }

    /// <summary>Six workstreams; a quarter at risk, a quarter delayed; every commentary 3,900 characters.</summary>
    private static List<Milestone> Many(int n)
    {
        var commentary = string.Join(' ', Enumerable.Repeat("Progress is reported in detail by the owner.", 88));
        return Enumerable.Range(1, n).Select(i => new Milestone(
            $"WS{(i % 6) + 1}-{i:D3}", $"Workstream {(i % 6) + 1}", $"Deliver improvement {i}", "Head of SEND",
            i % 4 == 1 ? new DateOnly(2024, 12, 31) : new DateOnly(2025, 6, 30),
            i % 4 == 1 ? new DateOnly(2025, 3, 31) : null,
            null, ReportedStatus.InProgress, i % 4 == 0, commentary[..3_900])).ToList();
    }
}

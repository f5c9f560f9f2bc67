using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>The subject history: configured meetings before the system, and the papers the system distributed, before the paper's own meeting.</summary>
public sealed class SubjectHistoryTests
{
    private static readonly DateOnly Meeting = new(2025, 2, 13);

    [Fact]
    public void Before_ConfiguredAndDistributed_OnlyEarlierMeetingsWithinThreeYearsOnceEachInDateOrder()
    {
        HistoryEntry[] configured =
        [
            new("Health and Wellbeing Board", new DateOnly(2024, 7, 18)),
            new("Health and Wellbeing Board", new DateOnly(2025, 3, 13)), // after this paper's meeting
            new("Health and Wellbeing Board", new DateOnly(2021, 1, 14)), // more than three years before
        ];
        HistoryEntry[] distributed =
        [
            new("Children, Young People and Education Committee", new DateOnly(2025, 1, 20)),
            new(" Health and Wellbeing Board ", new DateOnly(2024, 7, 18)), // the same meeting as configured
            new("Local Area SEND Partnership Board", Meeting), // the same day: not before
        ];

        var history = SubjectHistory.Before(configured, distributed, Meeting);

        Assert.Equal(
            [new HistoryEntry("Health and Wellbeing Board", new DateOnly(2024, 7, 18)), new HistoryEntry("Children, Young People and Education Committee", new DateOnly(2025, 1, 20))],
            history);
    }

    [Fact]
    public void Render_DecemberCommitteePaper_ListsNoMeetingAfterItsOwnAndTheBoardsTheSystemSentTo()
    {
        var config = SampleStatus.Config;
        var settings = config.ReportFor("cype-committee")!;
        var configured = settings.SubjectHistory ?? [];
        var later = new HistoryEntry(settings.Board, new DateOnly(2026, 1, 19));
        var sent = new HistoryEntry("Health and Wellbeing Board", new DateOnly(2024, 12, 12));
        var withLater = config with { Reports = new Dictionary<string, ReportSettings>(config.Reports!) { ["cype-committee"] = settings with { SubjectHistory = [.. configured, later] } } };

        var paper = ReportRenderer.Render(ReportKind.CypeCommittee, SampleStatus.For("2024-12"), withLater, distributed: [sent])!;

        using var document = WordprocessingDocument.Open(new MemoryStream(paper.Content), false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single(t => t.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()?.Val?.Value == "Subject history");
        var rows = table.Elements<TableRow>().Skip(1).Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        Assert.Contains("Health and Wellbeing Board | 12 December 2024", rows);
        Assert.DoesNotContain(rows, r => r.Contains("2026", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("2025", StringComparison.Ordinal)); // the December paper is read by the end of December at the latest known
    }

    [Theory]
    [InlineData("2024-12", false)] // the sample committee has no meeting for December
    [InlineData("2025-01", true)]
    public void Render_CommitteePaper_WithoutAMeetingIsAMarkedPreview(string period, bool hasMeeting)
    {
        var paper = ReportRenderer.Render(ReportKind.CypeCommittee, SampleStatus.For(period), SampleStatus.Config)!;

        using var document = WordprocessingDocument.Open(new MemoryStream(paper.Content), false);
        var front = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Take(4).Select(p => p.InnerText).ToList();
        Assert.Equal(!hasMeeting, front.Any(t => t.StartsWith("PREVIEW, NOT FOR A MEETING: no meeting date is set", StringComparison.Ordinal)));
        Assert.Equal(hasMeeting, front.Contains("Tuesday, 4 March 2025"));
    }
}

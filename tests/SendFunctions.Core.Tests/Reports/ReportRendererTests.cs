using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>Every paper for every sample month: valid Open XML, accessible structure, the content a reader checks.</summary>
public sealed class ReportRendererTests
{
    public static TheoryData<string, ReportKind> Papers()
    {
        var data = new TheoryData<string, ReportKind>();
        foreach (var period in new[] { "2024-11", "2024-12", "2025-01" })
        {
            foreach (var kind in ReportKinds.All)
            {
                data.Add(period, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void Render_SamplePaper_PassesThePaperCheck(string period, ReportKind kind)
    {
        // The same checks the generator runs before a paper is stored and sent: validation, headings, tables, alt text, title, language.
        Assert.Empty(PaperCheck.Check(Render(period, kind)));
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public void Render_SamplePaper_HasTitleLanguageAndPageNumbers(string period, ReportKind kind)
    {
        using var document = Open(Render(period, kind));

        Assert.False(string.IsNullOrWhiteSpace(document.PackageProperties.Title));
        Assert.Equal("en-GB", document.PackageProperties.Language);
        var footer = document.MainDocumentPart!.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HwbBoard_FollowsTheCouncilFormatWithTheTracker()
    {
        using var document = Open(Render("2025-01", ReportKind.HwbBoard));
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = Headings(body);
        var text = body.InnerText;

        Assert.Equal(["REPORT SUMMARY", "RECOMMENDATION/S", "SUPPORTING INFORMATION"], headings.Take(3));
        Assert.Contains("1.0 REASON/S FOR RECOMMENDATION/S", headings);
        Assert.Contains("3.0 BACKGROUND INFORMATION", headings);
        Assert.Contains("APPENDICES", headings);
        Assert.Contains("TERMS OF REFERENCE", headings);
        Assert.Contains("SUBJECT HISTORY (last 3 years)", headings);
        Assert.Contains("Appendix 1: WSoA Impact Tracker, January 2025", headings);
        Assert.Contains("Thursday, 13 March 2025", text, StringComparison.Ordinal);
        Assert.Contains("five are delayed but not at risk", text, StringComparison.Ordinal);
        Assert.Contains("Delayed, not at risk", text, StringComparison.Ordinal);

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal(PageOrientationValues.Landscape, sections[1].GetFirstChild<PageSize>()!.Orient!.Value);

        var charts = document.MainDocumentPart.ChartParts.ToList();
        // Status by workstream, then four of the five trend metrics configured: ND-WAIT has described November 2024 in every
        // drop, one data month, which is no trend.
        Assert.Equal(1 + 4, charts.Count);
        Assert.All(charts, c => Assert.NotNull(c.EmbeddedPackagePart));
    }

    [Fact]
    public void Render_StatusCell_HasTheWordAndTheRagShading()
    {
        using var document = Open(Render("2025-01", ReportKind.HwbBoard));
        var cell = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>()
            .First(c => c.InnerText == "At risk" && c.Parent is TableRow row && row.TableRowProperties!.GetFirstChild<TableHeader>() is null);
        Assert.Equal("F8CBAD", cell.TableCellProperties!.Shading!.Fill!.Value);
    }

    [Fact]
    public void Render_PartnershipBoard_ReadsLikeTheBoardSummary()
    {
        using var document = Open(Render("2025-01", ReportKind.PartnershipBoard));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("This is the tenth meeting of the Local Area SEND Partnership Board.", text, StringComparison.Ordinal);
        Assert.Contains("Seven actions are now closed.", text, StringComparison.Ordinal);
        Assert.Contains("Four actions that are not yet due remain open.", text, StringComparison.Ordinal);
        Assert.Contains("Three milestones are due in February 2025.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Exceptions_ListsOnlyWhatNeedsAttention()
    {
        using var document = Open(Render("2025-01", ReportKind.Exceptions));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("WS6-01", text, StringComparison.Ordinal);
        Assert.Contains("WS5-03", text, StringComparison.Ordinal);
        Assert.DoesNotContain("WS1-01", text, StringComparison.Ordinal);
        Assert.Contains("A-106", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInputs_GiveTheSameDocumentContent()
    {
        using var first = Open(Render("2025-01", ReportKind.HwbBoard));
        using var second = Open(Render("2025-01", ReportKind.HwbBoard));
        Assert.Equal(first.MainDocumentPart!.Document.OuterXml, second.MainDocumentPart!.Document.OuterXml);
        Assert.Equal(first.MainDocumentPart.ChartParts.Select(c => c.ChartSpace.OuterXml), second.MainDocumentPart.ChartParts.Select(c => c.ChartSpace.OuterXml));
    }

    [Fact]
    public void Render_TextWithCharactersXmlForbids_StillValidates()
    {
        var status = SampleStatus.For("2025-01");
        var hostile = status with
        {
            Milestones = status.Milestones.Select((m, i) => i == 0
                ? m with { Milestone = m.Milestone with { Commentary = "Bell\u0007 nul\u0000 lone\uD800 surrogate \uFFFF end <&> \"quotes\"", Title = "=SUM(A1)\u000B" } }
                : m).ToList(),
        };

        var paper = ReportRenderer.Render(ReportKind.HwbBoard, hostile, SampleStatus.Config)!;

        Assert.Empty(PaperCheck.Check(paper.Content));
        using var document = Open(paper.Content);
        Assert.Contains("Bell nul lone surrogate  end <&> \"quotes\"", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KindWithoutSettings_IsNull()
    {
        var config = SampleStatus.Config with { Reports = new Dictionary<string, SendFunctions.Core.Configuration.ReportSettings>() };
        Assert.Null(ReportRenderer.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"), config));
    }

    [Fact]
    public void Render_FirstMonth_SaysMovementIsNotAvailable()
    {
        using var document = Open(Render("2024-11", ReportKind.HwbBoard));
        Assert.Contains("Not available", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    internal static byte[] Render(string period, ReportKind kind) => ReportRenderer.Render(kind, SampleStatus.For(period), SampleStatus.Config)!.Content;

    private static WordprocessingDocument Open(byte[] content) => WordprocessingDocument.Open(new MemoryStream(content), false);

    private static List<string> Headings(Body body) => body.Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
        .Select(p => p.InnerText)
        .ToList();
}

using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>Tables a reader can read: 10 pt, wide ones on landscape pages, columns wide enough for their dates and amounts, long commentary in an annex.</summary>
public sealed class TableLayoutTests
{
    private static readonly string LongCommentary = string.Join(' ', Enumerable.Repeat("The provider has confirmed the revised timetable and the recruitment of two further officers.", 44));

    [Fact]
    public void Render_TableText_IsAtLeast10Point()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard));

        var style = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "TableGrid");
        Assert.Equal("20", style.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.All(document.MainDocumentPart.Document.Body!.Descendants<Table>().SelectMany(t => t.Descendants<FontSize>()), size => Assert.True(int.Parse(size.Val!.Value!, CultureInfo.InvariantCulture) >= 20));
    }

    [Fact]
    public void Render_Exceptions_IsLandscapeThroughout()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.Exceptions));

        var section = Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<SectionProperties>());
        Assert.Equal(PageOrientationValues.Landscape, section.GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public void Render_PartnershipBoard_MetricsAreOnALandscapePageBetweenPortraitOnes()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.PartnershipBoard));

        var orientations = document.MainDocumentPart!.Document.Body!.Descendants<SectionProperties>()
            .Select(s => s.GetFirstChild<PageSize>()!.Orient?.Value == PageOrientationValues.Landscape ? "landscape" : "portrait");
        Assert.Equal(["portrait", "landscape", "portrait"], orientations);
    }

    public static TheoryData<ReportKind> Kinds() => [.. ReportKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_DatesMonthsAndAmounts_FitTheirColumnsOnOneLine(ReportKind kind)
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", kind));

        var checkedCells = 0;
        foreach (var table in document.MainDocumentPart!.Document.Body!.Descendants<Table>())
        {
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
            foreach (var row in table.Elements<TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is null))
            {
                foreach (var (cell, width) in row.Elements<TableCell>().Zip(widths))
                {
                    if (ColumnWidths.IsWhole(cell.InnerText) && cell.InnerText.Length > 0)
                    {
                        checkedCells++;
                        var bold = cell.Descendants<Bold>().Any();
                        Assert.True(TextMeasure.Twips(cell.InnerText, bold, 20) + 160 <= width, $"'{cell.InnerText}' needs more than its column's {width} twips");
                    }
                }
            }
        }

        Assert.True(checkedCells > 10);
    }

    [Fact]
    public void Render_LongCommentary_IsCutInTheTrackerAndWholeInTheAnnex()
    {
        var content = RenderWithCommentary(LongCommentary);

        using var document = WordPackageTests.Open(content);
        var body = document.MainDocumentPart!.Document.Body!;
        var capped = body.Descendants<TableCell>().Select(c => c.InnerText).First(t => t.StartsWith("The provider has confirmed", StringComparison.Ordinal));
        Assert.True(capped.Length < 700, $"the tracker cell holds {capped.Length} characters");
        Assert.EndsWith("\u2026 (continued in \u2018Full commentary\u2019 at the end of this appendix)", capped, StringComparison.Ordinal);

        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal("Full commentary", headings[^1]);
        var annex = body.Descendants<Table>().Last();
        Assert.Equal("Full commentary", annex.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val!.Value);
        Assert.Contains(annex.Descendants<TableCell>(), c => c.InnerText == LongCommentary);
        Assert.Empty(PaperCheck.Check(content));
    }

    [Fact]
    public void Render_CommentaryLimitFromConfiguration_IsWhereItIsCut()
    {
        var commentary = string.Join(' ', Enumerable.Repeat("Twelve chars", 30));

        var content = RenderWithCommentary(commentary, s => s with { CommentaryMaxCharacters = 200 });

        using var document = WordPackageTests.Open(content);
        var capped = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText).First(t => t.StartsWith("Twelve chars", StringComparison.Ordinal));
        Assert.True(capped.IndexOf('\u2026', StringComparison.Ordinal) <= 200);
    }

    [Fact]
    public void Render_RowTallerThanAPage_MaySplitAndShortRowsDoNot()
    {
        using var document = WordPackageTests.Open(RenderWithCommentary(LongCommentary));

        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().ToList();
        var tall = rows.Single(r => r.InnerText.Contains(LongCommentary, StringComparison.Ordinal));
        Assert.Null(tall.TableRowProperties?.GetFirstChild<CantSplit>());
        Assert.NotNull(rows.First(r => r.InnerText.StartsWith("WS1-01", StringComparison.Ordinal)).TableRowProperties!.GetFirstChild<CantSplit>());
    }

    [Fact]
    public void Render_ThreeHundredMilestones_PassesThePaperCheck()
    {
        var status = SampleStatus.For("2025-01");
        var many = status with
        {
            Milestones = Enumerable.Range(0, 300)
                .Select(i => status.Milestones[i % status.Milestones.Count] is var m ? m with { Milestone = m.Milestone with { Id = $"{m.Milestone.Id}-{i:000}" } } : null!)
                .ToList(),
        };

        foreach (var kind in ReportKinds.All)
        {
            Assert.Empty(PaperCheck.Check(ReportRenderer.Render(kind, many, SampleStatus.Config)!.Content));
        }
    }

    private static byte[] RenderWithCommentary(string commentary, Func<ReportSettings, ReportSettings>? change = null)
    {
        var status = SampleStatus.For("2025-01");
        var withLong = status with
        {
            Milestones = status.Milestones.Select(m => m.Milestone.Id == "WS2-01" ? m with { Milestone = m.Milestone with { Commentary = commentary } } : m).ToList(),
        };
        var config = SampleStatus.Config;
        if (change is not null)
        {
            config = config with { Reports = config.Reports!.ToDictionary(r => r.Key, r => r.Key == "hwb-board" ? change(r.Value) : r.Value) };
        }

        return ReportRenderer.Render(ReportKind.HwbBoard, withLong, config)!.Content;
    }
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Reports;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>The run-time check finds each kind of fault in a paper broken on purpose, and nothing else (the sample papers pass: <see cref="ReportRendererTests"/>).</summary>
public sealed class PaperCheckTests
{
    public static TheoryData<string, PaperFault> Faults() => new()
    {
        { nameof(InvalidOpenXml), PaperFault.InvalidOpenXml },
        { nameof(NoTitle), PaperFault.NoTitle },
        { nameof(NoLanguage), PaperFault.NoLanguage },
        { nameof(SkippedHeading), PaperFault.HeadingLevelSkipped },
        { nameof(EmptyHeading), PaperFault.EmptyHeading },
        { nameof(EmptyListItem), PaperFault.EmptyListItem },
        { nameof(SpacingParagraph), PaperFault.EmptyParagraph },
        { nameof(HeaderRowNotRepeated), PaperFault.TableWithoutHeaderRow },
        { nameof(TableCaptionRemoved), PaperFault.TableWithoutCaption },
        { nameof(ChartAltTextRemoved), PaperFault.DrawingWithoutAltText },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Check_PaperBrokenOnPurpose_FindsThatFaultOnly(string breakage, PaperFault fault)
    {
        var broken = Break(breakage);

        var findings = PaperCheck.Check(broken);

        var finding = Assert.Single(findings);
        Assert.Equal(fault, finding.Fault);
        Assert.False(string.IsNullOrWhiteSpace(finding.Location));
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Fact]
    public void Check_BytesThatAreNotAWordDocument_IsAFindingNotAnException()
    {
        var findings = PaperCheck.Check("not a zip"u8.ToArray());

        Assert.Equal(PaperFault.NotAWordDocument, Assert.Single(findings).Fault);
    }

    [Fact]
    public void Check_DocumentWithoutHeadings_SaysSo()
    {
        var broken = Edit(d =>
        {
            foreach (var style in d.MainDocumentPart!.Document.Body!.Descendants<ParagraphStyleId>().Where(s => s.Val!.Value!.StartsWith("Heading", StringComparison.Ordinal)).ToList())
            {
                style.Val = "Normal";
            }
        });

        Assert.Contains(PaperCheck.Check(broken), f => f.Fault == PaperFault.NoHeadings);
    }

    [Fact]
    public void Check_Stream_GivesTheSameAsBytes()
    {
        var broken = Break(nameof(SpacingParagraph));
        using var stream = new MemoryStream(broken);

        Assert.Equal(PaperCheck.Check(broken), PaperCheck.Check(stream));
    }

    private static byte[] Break(string breakage) => breakage switch
    {
        nameof(InvalidOpenXml) => Edit(InvalidOpenXml),
        nameof(NoTitle) => Edit(NoTitle),
        nameof(NoLanguage) => Edit(NoLanguage),
        nameof(SkippedHeading) => Edit(SkippedHeading),
        nameof(EmptyHeading) => Edit(EmptyHeading),
        nameof(EmptyListItem) => Edit(EmptyListItem),
        nameof(SpacingParagraph) => Edit(SpacingParagraph),
        nameof(HeaderRowNotRepeated) => Edit(HeaderRowNotRepeated),
        nameof(TableCaptionRemoved) => Edit(TableCaptionRemoved),
        nameof(ChartAltTextRemoved) => Edit(ChartAltTextRemoved),
        _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
    };

    private static void InvalidOpenXml(WordprocessingDocument d) => Body(d).Elements<Paragraph>().First().Append(new Run(new Table()));

    private static void NoTitle(WordprocessingDocument d) => d.PackageProperties.Title = string.Empty;

    private static void NoLanguage(WordprocessingDocument d) =>
        d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Remove();

    private static void SkippedHeading(WordprocessingDocument d) => Headings(d, "Heading2").First().Val = "Heading3";

    private static void EmptyHeading(WordprocessingDocument d)
    {
        foreach (var text in ((Paragraph)Headings(d, "Heading2").First().Parent!.Parent!).Descendants<Text>())
        {
            text.Text = string.Empty;
        }
    }

    private static void EmptyListItem(WordprocessingDocument d)
    {
        foreach (var text in Body(d).Elements<Paragraph>().First(p => p.ParagraphProperties?.NumberingProperties is not null).Descendants<Text>())
        {
            text.Text = " ";
        }
    }

    private static void SpacingParagraph(WordprocessingDocument d) => Body(d).Elements<Paragraph>().First().InsertAfterSelf(new Paragraph());

    private static void HeaderRowNotRepeated(WordprocessingDocument d) => Body(d).Descendants<TableHeader>().First().Remove();

    private static void TableCaptionRemoved(WordprocessingDocument d) => Body(d).Descendants<TableCaption>().First().Remove();

    private static void ChartAltTextRemoved(WordprocessingDocument d) => Body(d).Descendants<DW.DocProperties>().First().Description = null;

    private static Body Body(WordprocessingDocument d) => d.MainDocumentPart!.Document.Body!;

    private static IEnumerable<ParagraphStyleId> Headings(WordprocessingDocument d, string style) =>
        Body(d).Elements<Paragraph>().Select(p => p.ParagraphProperties?.ParagraphStyleId).OfType<ParagraphStyleId>().Where(s => s.Val!.Value == style);

    /// <summary>The January Board paper, which passes every check, changed by <paramref name="change"/>.</summary>
    private static byte[] Edit(Action<WordprocessingDocument> change)
    {
        using var stream = new MemoryStream();
        stream.Write(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            change(document);
        }

        return stream.ToArray();
    }
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>A kind marked confidential in reporting.json carries its marking on every page and in its properties, and opens with the exemption.</summary>
public sealed class ConfidentialPaperTests
{
    [Theory]
    [InlineData(ReportKind.HwbBoard)]
    [InlineData(ReportKind.Exceptions)]
    public void Render_ConfidentialKind_IsMarkedInTheHeaderAndFooterOfEverySection(ReportKind kind)
    {
        using var document = WordPackageTests.Open(Render(kind, s => s with { Confidential = true }));
        var main = document.MainDocumentPart!;

        var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            var header = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!);
            var footer = (FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!);
            Assert.Equal("OFFICIAL-SENSITIVE", header.Header!.InnerText);
            Assert.StartsWith("OFFICIAL-SENSITIVE", footer.Footer!.InnerText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_ConfidentialKind_IsMarkedInTheDocumentProperties()
    {
        using var document = WordPackageTests.Open(Render(ReportKind.HwbBoard, s => s with { Confidential = true, Marking = "OFFICIAL-SENSITIVE PERSONAL" }));

        Assert.Equal("OFFICIAL-SENSITIVE PERSONAL", document.PackageProperties.Category);
        var property = document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>().Single();
        Assert.Equal("Classification", property.Name!.Value);
        Assert.Equal("OFFICIAL-SENSITIVE PERSONAL", property.InnerText);
    }

    [Fact]
    public void Render_ConfidentialKindWithExemptParagraph_OpensWithTheNotice()
    {
        var content = Render(ReportKind.HwbBoard, s => s with { Confidential = true, ExemptParagraph = 3 });

        using var document = WordPackageTests.Open(content);
        var first = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First().InnerText;
        Assert.Equal(
            "NOT FOR PUBLICATION: this report contains exempt information as described in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
            first);
        Assert.Empty(PaperCheck.Check(content));
    }

    [Fact]
    public void Render_ExemptNoticeFromConfiguration_UsesItsWording()
    {
        var content = Render(ReportKind.PartnershipBoard, s => s with { Confidential = true, ExemptParagraph = 1, ExemptNotice = "Exempt under paragraph {paragraph} (information relating to an individual)." });

        using var document = WordPackageTests.Open(content);
        Assert.Equal("Exempt under paragraph 1 (information relating to an individual).", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First().InnerText);
    }

    [Fact]
    public void Render_OrdinaryKind_HasNoMarkingHeaderOrCustomProperties()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard));

        Assert.Empty(document.MainDocumentPart!.HeaderParts);
        Assert.Null(document.CustomFilePropertiesPart);
        Assert.DoesNotContain("OFFICIAL", document.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(document.PackageProperties.Category));
    }

    [Fact]
    public void Parse_ExemptParagraphOutsideScheduleTwelveA_IsAProblem()
    {
        var json = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Repository.Samples, "config", "reporting.json")))
            .Replace("\"board\": \"SEND Executive Group\"", "\"board\": \"SEND Executive Group\", \"confidential\": true, \"exemptParagraph\": 9", StringComparison.Ordinal);

        var result = ReportingConfig.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Contains(result.Problems, p => p.Contains("exemptParagraph", StringComparison.Ordinal));
    }

    private static byte[] Render(ReportKind kind, Func<ReportSettings, ReportSettings> change)
    {
        var config = SampleStatus.Config;
        var reports = config.Reports!.ToDictionary(r => r.Key, r => r.Key == kind.ToSlug() ? change(r.Value) : r.Value);
        return ReportRenderer.Render(kind, SampleStatus.For("2025-01"), config with { Reports = reports })!.Content;
    }
}

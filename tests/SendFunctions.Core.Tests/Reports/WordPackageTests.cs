using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>The package as Word writes it: its own compatibility mode, standard properties from the data, the same bytes every time.</summary>
public sealed class WordPackageTests
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";

    [Theory]
    [InlineData(ReportKind.HwbBoard)]
    [InlineData(ReportKind.Exceptions)]
    public void Render_AnyPaper_OpensInWordsOwnMode(ReportKind kind)
    {
        using var document = Open(ReportRendererTests.Render("2025-01", kind));

        var setting = document.MainDocumentPart!.DocumentSettingsPart!.Settings!.Descendants<CompatibilitySetting>()
            .Single(s => s.Name!.Value == CompatSettingNameValues.CompatibilityMode);
        Assert.Equal("15", setting.Val!.Value);
        Assert.Equal("http://schemas.microsoft.com/office/word", setting.Uri!.Value);
    }

    [Fact]
    public void Render_Paper_HasStandardCorePropertiesFromTheData()
    {
        var content = ReportRendererTests.Render("2025-01", ReportKind.HwbBoard);

        var core = XDocument.Parse(Entry(content, "docProps/core.xml"));
        Assert.Equal("Health and Wellbeing Board: SEND Improvement, January 2025", core.Descendants(Dc + "title").Single().Value);
        Assert.False(string.IsNullOrWhiteSpace(core.Descendants(Dc + "creator").Single().Value));
        Assert.Equal("en-GB", core.Descendants(Dc + "language").Single().Value);
        Assert.Equal("2025-01-31T00:00:00Z", core.Descendants(DcTerms + "created").Single().Value);
        Assert.Equal("2025-01-31T00:00:00Z", core.Descendants(DcTerms + "modified").Single().Value);
        Assert.Equal("SendFunctions", XDocument.Parse(Entry(content, "docProps/app.xml")).Root!.Elements().Single(e => e.Name.LocalName == "Application").Value);
        Assert.DoesNotContain(Entries(content), name => name.EndsWith(".psmdcp", StringComparison.Ordinal));

        using var document = Open(content);
        Assert.Equal("Health and Wellbeing Board: SEND Improvement, January 2025", document.PackageProperties.Title);
        Assert.Equal(new DateTime(2025, 1, 31, 0, 0, 0, DateTimeKind.Utc), document.PackageProperties.Created!.Value.ToUniversalTime());
    }

    [Fact]
    public void Render_StampPassedIn_IsTheCreatedAndModifiedTime()
    {
        var stamp = new DateTimeOffset(2025, 2, 6, 7, 0, 0, TimeSpan.Zero);

        var content = ReportRenderer.Render(ReportKind.PartnershipBoard, SampleStatus.For("2025-01"), SampleStatus.Config, stamp: stamp)!.Content;

        var core = XDocument.Parse(Entry(content, "docProps/core.xml"));
        Assert.Equal("2025-02-06T07:00:00Z", core.Descendants(DcTerms + "modified").Single().Value);
        using var zip = new ZipArchive(new MemoryStream(content));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 2, 6, 7, 0, 0), e.LastWriteTime.DateTime));
    }

    public static TheoryData<ReportKind> Kinds() => [.. ReportKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_Twice_GivesTheSameBytes(ReportKind kind)
    {
        var first = ReportRendererTests.Render("2025-01", kind);
        var second = ReportRendererTests.Render("2025-01", kind);

        Assert.Equal(ReportManifest.Sha256(first), ReportManifest.Sha256(second));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_Paper_HasFixedPartNamesAndRelationshipIds()
    {
        var content = ReportRendererTests.Render("2025-01", ReportKind.HwbBoard);

        Assert.Equal("[Content_Types].xml", Entries(content)[0]);
        var rels = XDocument.Parse(Entry(content, "_rels/.rels"));
        Assert.Equal(["rId1", "rId2", "rId3"], rels.Root!.Elements().Select(r => r.Attribute("Id")!.Value).Order(StringComparer.Ordinal));
        Assert.Contains("word/charts/embeddings/package.xlsx", Entries(content));
    }

    [Fact]
    public void Render_EmbeddedChartWorkbook_IsTheSameBytesEachTime()
    {
        static byte[] Workbook() => Bytes(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard), "word/charts/embeddings/package.xlsx");

        var first = Workbook();
        Assert.Equal(first, Workbook());
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 1, 31), e.LastWriteTime.DateTime));
        Assert.Contains("Id=\"rId1\"", new StreamReader(zip.GetEntry("_rels/.rels")!.Open()).ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_CodeVersion_RoundTrips()
    {
        var manifest = new ReportManifest(SendFunctions.Core.Periods.ReportingPeriod.Parse("2025-01"), ReportKind.HwbBoard, 1, "f", DateTimeOffset.UnixEpoch, [], "c", SendFunctions.Core.Status.StatusJson.From(SampleStatus.For("2025-01")).Summary, [], "t", CodeVersion: ReportRenderer.CodeVersion);

        var read = ReportManifest.FromJson(manifest.ToJson());

        Assert.False(string.IsNullOrWhiteSpace(ReportRenderer.CodeVersion));
        Assert.Equal(ReportRenderer.CodeVersion, read.CodeVersion);
        Assert.Equal("c", read.ConfigSha256);
    }

    internal static WordprocessingDocument Open(byte[] content) => WordprocessingDocument.Open(new MemoryStream(content), false);

    private static List<string> Entries(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static string Entry(byte[] content, string name) => System.Text.Encoding.UTF8.GetString(Bytes(content, name)).TrimStart('\uFEFF');

    private static byte[] Bytes(byte[] content, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(content));
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

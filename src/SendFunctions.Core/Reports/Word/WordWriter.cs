using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// Builds an accessible .docx in memory: real headings, lists, tables with repeated header rows,
/// charts with alt text, page numbers, title and language in the package properties.
/// </summary>
internal sealed class WordWriter : IDisposable
{
    public const int PortraitWidth = 11906;
    public const int PortraitHeight = 16838;
    public const int Margin = 1134;

    private const int DecimalList = 1;
    private const int BulletNumbering = 2;

    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly Body body;
    private readonly Numbering numbering;
    private readonly string footerId;
    private int nextNumberingId = 3;
    private uint nextDrawingId = 1;
    private bool landscape;

    public WordWriter(string title, string language = "en-GB")
    {
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = XmlText.Clean(title);
        document.PackageProperties.Language = language;
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = WordStyles.Create(language);
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
            new DisplayBackgroundShape(),
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new ThemeFontLanguages { Val = language });
        numbering = Numbered.Create();
        main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = numbering;
        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        footer.Footer = PageNumberFooter();
        footerId = main.GetIdOfPart(footer);
        body = new Body();
        main.Document = new Document(body);
        Main = main;
    }

    public MainDocumentPart Main { get; }

    /// <summary>Width available to content in the current section, in twentieths of a point.</summary>
    public int ContentWidth => (landscape ? PortraitHeight : PortraitWidth) - (2 * Margin);

    public void Title(string text) => body.Append(StyledParagraph("Title", text));

    public void Heading(int level, string text) => body.Append(StyledParagraph($"Heading{level}", text));

    public void Paragraph(string text) => body.Append(new Paragraph(Runs(text)));

    /// <summary>"REPORT TITLE: SEND IMPROVEMENT": a bold label then plain text, on one line.</summary>
    public void Labelled(string label, string value) =>
        body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text(XmlText.Clean(label) + " ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(XmlText.Clean(value)))));

    public void NumberedList(IEnumerable<string> items)
    {
        var id = nextNumberingId++;
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = DecimalList }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = id });
        foreach (var item in items)
        {
            body.Append(ListItem(item, id));
        }
    }

    public void BulletList(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            body.Append(ListItem(item, BulletNumbering));
        }
    }

    public void Table(TableSpec spec) => body.Append(WordTable.Build(spec, ContentWidth));

    public void Chart(ChartSpec spec)
    {
        var drawing = WordChart.Add(Main, spec, nextDrawingId++, ContentWidth);
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(drawing)));
    }

    /// <summary>Ends the current section on its last paragraph; what follows is landscape, for wide tables.</summary>
    public void StartLandscapeSection()
    {
        var last = body.Elements<Paragraph>().LastOrDefault()
            ?? throw new InvalidOperationException("A section must end on a paragraph.");
        if (body.LastChild != last)
        {
            throw new InvalidOperationException("End a section on a paragraph, not a table.");
        }

        last.ParagraphProperties ??= new ParagraphProperties();
        last.ParagraphProperties.Append(SectionProperties(landscape: false, nextPage: true));
        landscape = true;
    }

    public byte[] Save()
    {
        body.Append(SectionProperties(landscape, nextPage: false));
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    internal static IEnumerable<OpenXmlElement> Runs(string text, bool bold = false)
    {
        var lines = XmlText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = style }) }.Concat(Runs(text)));

    private static Paragraph ListItem(string text, int numberingId) =>
        new(new OpenXmlElement[]
        {
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numberingId })),
        }.Concat(Runs(text)));

    private SectionProperties SectionProperties(bool landscape, bool nextPage)
    {
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        if (nextPage)
        {
            section.Append(new SectionType { Val = SectionMarkValues.NextPage });
        }

        section.Append(
            landscape
                ? new PageSize { Width = PortraitHeight, Height = PortraitWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PortraitWidth, Height = PortraitHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
        new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

    private static class Numbered
    {
        public static Numbering Create() => new(
            Abstract(DecimalList, NumberFormatValues.Decimal, "%1."),
            Abstract(BulletNumbering, NumberFormatValues.Bullet, "\u2022"),
            new NumberingInstance(new AbstractNumId { Val = DecimalList }) { NumberID = DecimalList },
            new NumberingInstance(new AbstractNumId { Val = BulletNumbering }) { NumberID = BulletNumbering });

        private static AbstractNum Abstract(int id, NumberFormatValues format, string text) => new(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };
    }
}

internal static class Twips
{
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// Builds an accessible .docx in memory: real headings, lists, tables with repeated header rows,
/// charts with alt text, page numbers, title and language in the package properties, other languages tagged,
/// the marking of a confidential paper on every page; the same content always gives the same bytes.
/// </summary>
internal sealed class WordWriter : IDisposable
{
    public const int PortraitWidth = 11906;
    public const int PortraitHeight = 16838;
    public const int Margin = 1134;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const int DecimalList = 1;
    private const int BulletNumbering = 2;

    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly DocumentInfo info;
    private readonly Body body;
    private readonly Numbering numbering;
    private readonly Dictionary<Table, (TableSpec Spec, IReadOnlyList<int> Widths, int ContentHeight)> bodyRows = new(ReferenceEqualityComparer.Instance);
    private readonly string footerId;
    private readonly string? headerId;
    private int nextNumberingId = 3;
    private uint nextDrawingId = 1;
    private bool landscape;

    /// <param name="landscape">Whether the paper starts in landscape (a paper of wide tables); <see cref="StartLandscapeSection"/> turns later.</param>
    public WordWriter(DocumentInfo info, bool landscape = false)
    {
        this.info = info;
        this.landscape = landscape;
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);

        // Every relationship id is fixed, so the same inputs give the same package.
        var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
        DocumentProperties.Add(document, info);
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = WordStyles.Create(info.Language);
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = WordSettings.Create(info.Language);
        numbering = Numbered.Create();
        main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = numbering;
        if (info.Marking is { } marking)
        {
            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = PageFurniture.Header(marking);
            headerId = main.GetIdOfPart(header);
        }

        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        footer.Footer = PageFurniture.Footer(info.Marking);
        footerId = main.GetIdOfPart(footer);
        body = new Body();
        Main = main;
    }

    public MainDocumentPart Main { get; }

    /// <summary>The document's body as written so far; a table's body rows are not in it (<see cref="Table"/>).</summary>
    public Body Body => body;

    /// <summary>The text of every paragraph so far, table cells included, as Word reads it (line breaks join lines).</summary>
    public IEnumerable<string> ParagraphTexts() =>
        body.Descendants<Paragraph>().Select(p => p.InnerText)
            .Concat(bodyRows.Values.SelectMany(t => t.Spec.Rows.SelectMany(row => row.Select(cell => XmlText.Clean(cell.Text).Replace("\n", string.Empty, StringComparison.Ordinal)))));

    /// <summary>Width available to content in the current section, in twentieths of a point.</summary>
    public int ContentWidth => (landscape ? PortraitHeight : PortraitWidth) - (2 * Margin);

    /// <summary>Height available to content in the current section, in twentieths of a point.</summary>
    public int ContentHeight => (landscape ? PortraitWidth : PortraitHeight) - (2 * Margin);

    public void Title(string text) => body.Append(StyledParagraph("Title", text));

    public void Heading(int level, string text) => body.Append(StyledParagraph($"Heading{level}", text));

    public void Paragraph(string text) => body.Append(Line(null, text));

    /// <summary>A bold paragraph that must be read first, such as the exempt-information notice of a confidential paper.</summary>
    public void Notice(string text) => body.Append(Line(null, text, bold: true));

    /// <summary>"REPORT TITLE: SEND IMPROVEMENT": a bold label then plain text, on one line.</summary>
    public void Labelled(string label, string value) =>
        body.Append(new Paragraph(Runs(label + " ", bold: true).Concat(Runs(value))));

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

    /// <summary>A table; its body rows are kept as given and written into the part on <see cref="Save"/>.</summary>
    public void Table(TableSpec spec)
    {
        var widths = WordTable.Widths(spec, ContentWidth);
        var table = WordTable.Frame(spec, widths, ContentWidth);
        body.Append(table);
        bodyRows[table] = (spec, widths, ContentHeight);
    }

    public void Chart(ChartSpec spec)
    {
        var drawing = WordChart.Add(Main, spec, nextDrawingId++, ContentWidth, info.Stamp);
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(drawing)));
    }

    /// <summary>Ends the current section; what follows is landscape, for wide tables.</summary>
    public void StartLandscapeSection()
    {
        if (!landscape)
        {
            EndSection();
            landscape = true;
        }
    }

    /// <summary>Ends a landscape section (after a wide table) and returns to portrait.</summary>
    public void EndLandscapeSection()
    {
        if (landscape)
        {
            EndSection();
            landscape = false;
        }
    }

    public byte[] Save()
    {
        body.Append(SectionProperties(landscape, nextPage: false));
        using (var part = Main.GetStream(FileMode.Create, FileAccess.Write))
        using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("w", "document", W);
            xml.WriteStartElement("w", "body", W);
            foreach (var block in body.ChildElements)
            {
                if (block is Table table && bodyRows.TryGetValue(table, out var rows))
                {
                    xml.WriteStartElement("w", "tbl", W);
                    foreach (var child in table.ChildElements)
                    {
                        child.WriteTo(xml);
                    }

                    WordTable.WriteRows(xml, rows.Spec, rows.Widths, rows.ContentHeight);
                    xml.WriteEndElement();
                }
                else
                {
                    block.WriteTo(xml);
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        document.Dispose();
        return DeterministicZip.Rewrite(stream.ToArray(), info.Stamp);
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    /// <summary>
    /// The runs of a piece of text: a line break for each newline, and a run of its own, tagged with its language (and
    /// marked right-to-left), for a stretch in another language.
    /// </summary>
    internal static IEnumerable<OpenXmlElement> Runs(string text, bool bold = false)
    {
        var lines = XmlText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var spans = TextLanguage.Split(lines[i]);
            if (spans.Count == 0)
            {
                spans = [new LanguageSpan(string.Empty, null, false)];
            }

            for (var j = 0; j < spans.Count; j++)
            {
                var run = new Run();
                if (RunProperties(spans[j], bold) is { } properties)
                {
                    run.Append(properties);
                }

                if (i > 0 && j == 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(spans[j].Text) { Space = SpaceProcessingModeValues.Preserve });
                yield return run;
            }
        }
    }

    /// <summary>
    /// Writes what <see cref="Line"/> makes for unstyled text: directly when the text is one line in the paper's own
    /// language and direction (almost every table cell), else through the element tree.
    /// </summary>
    internal static void WriteLine(XmlWriter xml, string text, bool bold)
    {
        var clean = XmlText.Clean(text);
        if (clean.Length == 0 || clean.AsSpan().ContainsAny('\n', '\r') || TextLanguage.Split(clean) is not [{ Language: null, RightToLeft: false }])
        {
            Line(null, text, bold).WriteTo(xml);
            return;
        }

        xml.WriteStartElement("w", "p", W);
        xml.WriteStartElement("w", "r", W);
        if (bold)
        {
            xml.WriteStartElement("w", "rPr", W);
            xml.WriteStartElement("w", "b", W);
            xml.WriteEndElement();
            xml.WriteStartElement("w", "bCs", W);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("w", "t", W);
        xml.WriteAttributeString("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
        xml.WriteString(clean);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A paragraph of text, set right to left when it begins in a right-to-left script.</summary>
    internal static Paragraph Line(string? style, string text, bool bold = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        }

        if (StartsRightToLeft(text))
        {
            properties.BiDi = new BiDi();
        }

        var paragraph = new Paragraph();
        if (properties.HasChildren)
        {
            paragraph.Append(properties);
        }

        paragraph.Append(Runs(text, bold));
        return paragraph;
    }

    private static bool StartsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Rune.IsLetter(rune))
            {
                return TextLanguage.IsRightToLeft(rune.Value);
            }
        }

        return false;
    }

    private static RunProperties? RunProperties(LanguageSpan span, bool bold)
    {
        if (!bold && span.Language is null && !span.RightToLeft)
        {
            return null;
        }

        var properties = new RunProperties();
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }

        if (span.RightToLeft)
        {
            properties.RightToLeftText = new RightToLeftText();
            properties.Languages = new Languages { Bidi = span.Language };
        }
        else if (span.Language is { } language)
        {
            properties.Languages = new Languages { Val = language };
        }

        return properties;
    }

    private static Paragraph StyledParagraph(string style, string text) => Line(style, text);

    private static Paragraph ListItem(string text, int numberingId)
    {
        var paragraph = Line("ListParagraph", text);
        paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numberingId });
        return paragraph;
    }

    /// <summary>
    /// Ends the current section on the last paragraph. After a table the break needs a paragraph of its own, as Word's
    /// does; it is set at 1 pt with no spacing so it takes no room (<see cref="Reports.PaperCheck"/> knows it is not spacing).
    /// </summary>
    private void EndSection()
    {
        if (body.LastChild is Paragraph last)
        {
            last.ParagraphProperties ??= new ParagraphProperties();
            last.ParagraphProperties.Append(SectionProperties(landscape, nextPage: true));
            return;
        }

        if (body.LastChild is null)
        {
            throw new InvalidOperationException("A section must hold something before it ends.");
        }

        body.Append(new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" }),
            SectionProperties(landscape, nextPage: true))));
    }

    private SectionProperties SectionProperties(bool landscape, bool nextPage)
    {
        var section = new SectionProperties();
        if (headerId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        }

        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
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

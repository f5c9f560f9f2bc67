using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SendFunctions.Core.Reports;

/// <summary>
/// The checks a paper must pass before it is stored and sent, run on the .docx actually produced: valid Open XML, title
/// and language set, headings present and in order, no empty headings, list items or spacing paragraphs, every table with
/// a caption and a repeating header row, every chart and picture with alt text. The tests run the same checks.
/// </summary>
public static class PaperCheck
{
    public static IReadOnlyList<PaperFinding> Check(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var stream = new MemoryStream(docx, writable: false);
        return Check(stream);
    }

    public static IReadOnlyList<PaperFinding> Check(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(docx, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            return [new PaperFinding(PaperFault.NotAWordDocument, "package", $"The file cannot be opened as a Word document ({ex.Message}).")];
        }

        using (document)
        {
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return [new PaperFinding(PaperFault.NotAWordDocument, "package", "The file has no main document body.")];
            }

            var findings = new List<PaperFinding>();
            findings.AddRange(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e =>
                new PaperFinding(PaperFault.InvalidOpenXml, $"{e.Part?.Uri} {e.Path?.XPath}".Trim(), e.Description)));
            findings.AddRange(Properties(document));
            findings.AddRange(Paragraphs(body));
            findings.AddRange(Tables(body));
            findings.AddRange(Drawings(document.MainDocumentPart));
            return findings;
        }
    }

    private static IEnumerable<PaperFinding> Properties(WordprocessingDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.PackageProperties.Title))
        {
            yield return new PaperFinding(PaperFault.NoTitle, "docProps/core.xml", "The document has no title: screen readers and the title bar show the file name instead.");
        }

        var language = document.MainDocumentPart!.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.Languages?.Val?.Value;
        if (string.IsNullOrWhiteSpace(language))
        {
            yield return new PaperFinding(PaperFault.NoLanguage, "word/styles.xml", "The document's default language is not set, so screen readers cannot choose a voice.");
        }
    }

    private static IEnumerable<PaperFinding> Paragraphs(Body body)
    {
        var previous = 0;
        var index = 0;
        foreach (var paragraph in body.Elements<Paragraph>())
        {
            index++;
            var text = paragraph.InnerText;
            var empty = string.IsNullOrWhiteSpace(text) && !paragraph.Descendants<Drawing>().Any();
            if (empty && paragraph.ParagraphProperties?.SectionProperties is not null && !paragraph.Elements<Run>().Any())
            {
                // A section break after a table needs a paragraph of its own: it holds the break, not space.
                continue;
            }

            var where = string.Create(CultureInfo.InvariantCulture, $"body paragraph {index}") + (empty ? string.Empty : $" (\u201c{Excerpt(text)}\u201d)");
            if (HeadingLevel(paragraph) is { } level)
            {
                if (empty)
                {
                    yield return new PaperFinding(PaperFault.EmptyHeading, where, "A heading has no text: the navigation pane and screen readers list an empty entry.");
                }

                if (level > previous + 1)
                {
                    yield return new PaperFinding(PaperFault.HeadingLevelSkipped, where, string.Create(CultureInfo.InvariantCulture, $"A level {level} heading follows {(previous == 0 ? "no heading" : $"a level {previous} heading")}: a level is skipped."));
                }

                previous = level;
            }
            else if (empty && paragraph.ParagraphProperties?.NumberingProperties is not null)
            {
                yield return new PaperFinding(PaperFault.EmptyListItem, where, "A list item has no text: a screen reader announces an empty bullet or number.");
            }
            else if (empty)
            {
                yield return new PaperFinding(PaperFault.EmptyParagraph, where, "An empty paragraph is used for spacing: screen readers announce it as blank; use paragraph spacing instead.");
            }
        }

        if (previous == 0)
        {
            yield return new PaperFinding(PaperFault.NoHeadings, "body", "The document has no headings, so it cannot be navigated by heading.");
        }
    }

    private static IEnumerable<PaperFinding> Tables(Body body)
    {
        var index = 0;
        foreach (var table in body.Descendants<Table>())
        {
            index++;
            var caption = table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value;
            var where = string.Create(CultureInfo.InvariantCulture, $"table {index}") + (string.IsNullOrWhiteSpace(caption) ? string.Empty : $" (\u201c{Excerpt(caption)}\u201d)");
            if (table.GetFirstChild<TableRow>()?.TableRowProperties?.GetFirstChild<TableHeader>() is null)
            {
                yield return new PaperFinding(PaperFault.TableWithoutHeaderRow, where, "The table's first row is not marked as a header row that repeats at the top of each page.");
            }

            if (string.IsNullOrWhiteSpace(caption))
            {
                yield return new PaperFinding(PaperFault.TableWithoutCaption, where, "The table has no caption (alt text title), so a screen reader cannot say what it holds.");
            }
        }
    }

    private static IEnumerable<PaperFinding> Drawings(MainDocumentPart main)
    {
        var roots = new OpenXmlPartRootElement?[] { main.Document }
            .Concat(main.HeaderParts.Select(h => (OpenXmlPartRootElement?)h.Header))
            .Concat(main.FooterParts.Select(f => (OpenXmlPartRootElement?)f.Footer));
        foreach (var properties in roots.OfType<OpenXmlPartRootElement>().SelectMany(r => r.Descendants<DW.DocProperties>()))
        {
            if (string.IsNullOrWhiteSpace(properties.Description?.Value))
            {
                var name = properties.Name?.Value ?? string.Create(CultureInfo.InvariantCulture, $"drawing {properties.Id?.Value}");
                yield return new PaperFinding(PaperFault.DrawingWithoutAltText, name, "The chart or picture has no alternative text describing what it shows.");
            }
        }
    }

    private static int? HeadingLevel(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style
        && style.StartsWith("Heading", StringComparison.Ordinal)
        && int.TryParse(style.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? level
            : null;

    private static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}

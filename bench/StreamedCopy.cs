using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Bench;

/// <summary>
/// The text of a rendered paper (its paragraphs, and its tables' rows and cells with their widths) written again the
/// fastest way the Open XML SDK offers: <c>OpenXmlWriter</c> straight into the main part, one reused element per kind,
/// no styles, charts or properties. What the renderer does beyond this is its own work (layout, language tagging,
/// charts, determinism), so the ratio says how much that costs.
/// </summary>
internal static class StreamedCopy
{
    public static PaperText Read(byte[] paper)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(paper), false);
        var blocks = new List<Block>();
        var cells = 0;
        foreach (var element in document.MainDocumentPart!.Document!.Body!.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    blocks.Add(new TextBlock(paragraph.InnerText));
                    break;
                case Table table:
                    var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value!).ToList();
                    var rows = table.Elements<TableRow>().Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
                    cells += rows.Sum(r => r.Count);
                    blocks.Add(new TableBlock(widths, rows));
                    break;
            }
        }

        return new PaperText(blocks, cells);
    }

    public static byte[] Write(PaperText paper)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document());
            writer.WriteStartElement(new Body());
            foreach (var block in paper.Blocks)
            {
                switch (block)
                {
                    case TextBlock text:
                        WriteParagraph(writer, text.Text);
                        break;
                    case TableBlock table:
                        WriteTable(writer, table);
                        break;
                }
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteTable(OpenXmlWriter writer, TableBlock table)
    {
        writer.WriteStartElement(new Table());
        writer.WriteStartElement(new TableGrid());
        foreach (var width in table.Widths)
        {
            writer.WriteElement(new GridColumn { Width = width });
        }

        writer.WriteEndElement();
        foreach (var row in table.Rows)
        {
            writer.WriteStartElement(new TableRow());
            for (var i = 0; i < row.Count; i++)
            {
                writer.WriteStartElement(new TableCell());
                writer.WriteElement(new TableCellProperties(new TableCellWidth { Width = i < table.Widths.Count ? table.Widths[i] : "0", Type = TableWidthUnitValues.Dxa }));
                WriteParagraph(writer, row[i]);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteParagraph(OpenXmlWriter writer, string text)
    {
        writer.WriteStartElement(new Paragraph());
        writer.WriteStartElement(new Run());
        writer.WriteStartElement(new Text(), [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        writer.WriteString(text);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}

internal sealed record PaperText(IReadOnlyList<Block> Blocks, int Cells);

internal abstract record Block;

internal sealed record TextBlock(string Text) : Block;

internal sealed record TableBlock(IReadOnlyList<string> Widths, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

using System.Xml;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// Tables with a marked, repeating header row, a caption and description for assistive technology, columns sized to
/// their content (<see cref="ColumnWidths"/>), and rows kept whole on a page unless a row is too tall for that.
/// </summary>
internal static class WordTable
{
    /// <summary>Table text is 10 pt.</summary>
    public const int HalfPoints = 20;

    /// <summary>Line height of table text (single spacing of 10 pt Arial is about 11.5 pt) in twentieths of a point.</summary>
    private const int LineTwips = 230;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// The table's properties, grid and header row; the body rows are written by <see cref="WriteRows"/> when the
    /// document is saved, straight into the part, so a tracker of thousands of rows never becomes a tree of elements.
    /// </summary>
    public static Table Frame(TableSpec spec, IReadOnlyList<int> widths, int contentWidth)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = Twips.Of(contentWidth), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
                new TableCaption { Val = XmlText.Clean(spec.Caption) },
                new TableDescription { Val = XmlText.Clean(spec.Description) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));
        table.Append(HeaderRow(spec.Headers, widths));
        return table;
    }

    public static IReadOnlyList<int> Widths(TableSpec spec, int contentWidth) => ColumnWidths.Fit(spec.Headers, spec.Rows, contentWidth, HalfPoints);

    /// <summary>
    /// The body rows. A row may split across pages only when it is taller than a
    /// third of a page: a row taller than the page kept whole would be cut off, and a short row kept whole reads better.
    /// </summary>
    public static void WriteRows(XmlWriter xml, TableSpec spec, IReadOnlyList<int> widths, int contentHeight)
    {
        var twips = widths.Select(Twips.Of).ToArray();
        foreach (var row in spec.Rows)
        {
            xml.WriteStartElement("w", "tr", W);
            xml.WriteStartElement("w", "trPr", W);
            if (Height(row, widths) <= contentHeight / 3)
            {
                xml.WriteStartElement("w", "cantSplit", W);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            for (var i = 0; i < widths.Count; i++)
            {
                var cell = i < row.Count ? row[i] : new TableCellSpec(string.Empty);
                xml.WriteStartElement("w", "tc", W);
                xml.WriteStartElement("w", "tcPr", W);
                xml.WriteStartElement("w", "tcW", W);
                xml.WriteAttributeString("w", "w", W, twips[i]);
                xml.WriteAttributeString("w", "type", W, "dxa");
                xml.WriteEndElement();
                if (cell.Shading != Rag.None)
                {
                    xml.WriteStartElement("w", "shd", W);
                    xml.WriteAttributeString("w", "val", W, "clear");
                    xml.WriteAttributeString("w", "color", W, "auto");
                    xml.WriteAttributeString("w", "fill", W, Palette.Fill(cell.Shading));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                WordWriter.WriteLine(xml, cell.Text, cell.Bold);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    /// <summary>The row's height estimated from how many lines its fullest cell wraps to.</summary>
    private static int Height(IReadOnlyList<TableCellSpec> row, IReadOnlyList<int> widths)
    {
        var lines = 1;
        for (var c = 0; c < row.Count && c < widths.Count; c++)
        {
            var room = Math.Max(1, widths[c] - ColumnWidths.Padding);
            foreach (var line in row[c].Text.Split('\n'))
            {
                // Wrapping at word boundaries wastes part of each line: count a fifth more.
                var width = TextMeasure.Twips(line, row[c].Bold, HalfPoints) * 6 / 5;
                lines = Math.Max(lines, 1 + (width / room));
            }
        }

        return (lines * LineTwips) + 80;
    }

    /// <summary>The header row: repeated on every page, kept whole, shaded, bold.</summary>
    private static TableRow HeaderRow(IReadOnlyList<string> headers, IReadOnlyList<int> widths)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < widths.Count; i++)
        {
            var cellProperties = new TableCellProperties(
                new TableCellWidth { Width = Twips.Of(widths[i]), Type = TableWidthUnitValues.Dxa },
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = Palette.HeaderFill });
            row.Append(new TableCell(cellProperties, WordWriter.Line(null, i < headers.Count ? headers[i] : string.Empty, bold: true)));
        }

        return row;
    }
}

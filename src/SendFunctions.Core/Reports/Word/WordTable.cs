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

    public static Table Build(TableSpec spec, int contentWidth, int contentHeight)
    {
        var widths = ColumnWidths.Fit(spec.Headers, spec.Rows, contentWidth, HalfPoints);
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = Twips.Of(contentWidth), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
                new TableCaption { Val = XmlText.Clean(spec.Caption) },
                new TableDescription { Val = XmlText.Clean(spec.Description) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));
        table.Append(Row(spec.Headers.Select(h => new TableCellSpec(h, Rag.None, Bold: true)).ToList(), widths, header: true, keepWhole: true));

        // A row may split across pages only when it is taller than a third of a page: a row taller than the page kept
        // whole would be cut off, and a short row kept whole reads better.
        foreach (var row in spec.Rows)
        {
            table.Append(Row(row, widths, header: false, keepWhole: Height(row, widths) <= contentHeight / 3));
        }

        return table;
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

    private static TableRow Row(IReadOnlyList<TableCellSpec> cells, IReadOnlyList<int> widths, bool header, bool keepWhole)
    {
        var properties = new TableRowProperties();
        if (keepWhole)
        {
            properties.Append(new CantSplit());
        }

        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        for (var i = 0; i < widths.Count; i++)
        {
            var cell = i < cells.Count ? cells[i] : new TableCellSpec(string.Empty);
            var cellProperties = new TableCellProperties(new TableCellWidth { Width = Twips.Of(widths[i]), Type = TableWidthUnitValues.Dxa });
            var fill = header ? Palette.HeaderFill : cell.Shading == Rag.None ? null : Palette.Fill(cell.Shading);
            if (fill is not null)
            {
                cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            }

            row.Append(new TableCell(cellProperties, WordWriter.Line(null, cell.Text, cell.Bold || header)));
        }

        return row;
    }
}

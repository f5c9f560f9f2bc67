using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Reports.Word;

/// <summary>Tables with a marked, repeating header row, a caption and description for assistive technology, and rows that do not split across pages.</summary>
internal static class WordTable
{
    public static Table Build(TableSpec spec, int contentWidth)
    {
        var total = spec.Widths.Sum();
        var widths = spec.Widths.Select(w => w * contentWidth / total).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = Twips.Of(contentWidth), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
                new TableCaption { Val = XmlText.Clean(spec.Caption) },
                new TableDescription { Val = XmlText.Clean(spec.Description) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));
        table.Append(Row(spec.Headers.Select(h => new TableCellSpec(h, Rag.None, Bold: true)).ToList(), widths, header: true));
        foreach (var row in spec.Rows)
        {
            table.Append(Row(row, widths, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<TableCellSpec> cells, List<int> widths, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
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

            row.Append(new TableCell(cellProperties, new Paragraph(WordWriter.Runs(cell.Text, cell.Bold || header).Cast<OpenXmlElement>())));
        }

        return row;
    }
}

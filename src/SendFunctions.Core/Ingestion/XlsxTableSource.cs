using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Ingestion;

/// <summary>A worksheet read with the streaming <see cref="OpenXmlReader"/>: one row in memory at a time.</summary>
internal sealed class XlsxTableSource : ITableSource
{
    private readonly SpreadsheetDocument document;
    private readonly WorksheetPart sheet;
    private readonly List<string> sharedStrings;
    private readonly CellFormats formats;

    private XlsxTableSource(SpreadsheetDocument document, WorksheetPart sheet, string sheetName)
    {
        this.document = document;
        this.sheet = sheet;
        SheetName = sheetName;
        sharedStrings = ReadSharedStrings(document.WorkbookPart!.SharedStringTablePart);
        formats = CellFormats.From(document.WorkbookPart.WorkbookStylesPart);
    }

    public string? SheetName { get; }

    public IReadOnlyList<ValidationIssue> ReadIssues => [];

    public static TableOpenResult Open(Stream content, Dataset dataset, IngestionLimits limits)
    {
        if (WorkbookGuard.Check(content, limits) is { } problem)
        {
            return new TableOpenResult(null, problem);
        }

        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            if (document.WorkbookPart?.Workbook is not { } workbook)
            {
                return TableOpenResult.Fail(IssueCode.NotXlsx, "The file is a zip archive but not an Excel workbook. Open the data in Excel, save it as Excel Workbook (.xlsx) and upload that file.");
            }

            var sheets = workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var chosen = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), dataset.ToSlug(), StringComparison.OrdinalIgnoreCase))
                ?? sheets.FirstOrDefault();
            if (chosen?.Id?.Value is not { } id || document.WorkbookPart!.GetPartById(id) is not WorksheetPart part)
            {
                document.Dispose();
                return TableOpenResult.Fail(IssueCode.NoDataRows, "The workbook has no worksheet. Put the data on a sheet named like the dataset and upload again.");
            }

            var source = new XlsxTableSource(document, part, chosen.Name?.Value ?? "Sheet1");
            document = null;
            return new TableOpenResult(source, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            return TableOpenResult.Fail(IssueCode.NotXlsx, "The workbook could not be opened: its contents are not a valid Excel workbook. Open it in Excel, save it as Excel Workbook (.xlsx) and upload the new file.");
        }
        finally
        {
            document?.Dispose();
        }
    }

    public IEnumerable<SourceRow> ReadRows()
    {
        using var reader = OpenXmlReader.Create(sheet);
        var sequence = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            sequence = row.RowIndex?.Value is { } index ? (int)index : sequence + 1;
            var cells = ReadCells(row);
            if (cells.Any(c => !c.IsBlank))
            {
                yield return new SourceRow(sequence, cells);
            }
        }
    }

    public void Dispose() => document.Dispose();

    private List<Cell> ReadCells(Row row)
    {
        var cells = new List<Cell>();
        foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column)
            {
                cells.Add(Cell.Empty);
            }

            var value = ReadCell(cell);
            if (column < cells.Count)
            {
                cells[column] = value;
            }
            else
            {
                cells.Add(value);
            }
        }

        return cells;
    }

    private Cell ReadCell(DocumentFormat.OpenXml.Spreadsheet.Cell cell)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Count ? new Cell(sharedStrings[i]) : Cell.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return new Cell(cell.InlineString?.InnerText ?? raw);
        }

        if (type == CellValues.Boolean)
        {
            return new Cell(raw == "1" ? "TRUE" : "FALSE");
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return new Cell(raw);
        }

        if (raw.Length == 0)
        {
            return Cell.Empty;
        }

        if (!double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return new Cell(raw);
        }

        var kind = type == CellValues.Date ? CellKind.Date : formats.KindOf(cell.StyleIndex?.Value ?? 0);
        return new Cell(raw, kind, number);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (ch - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return strings;
    }
}

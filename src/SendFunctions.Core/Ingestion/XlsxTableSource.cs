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

    /// <summary>
    /// Reads rows from reader events alone (no per-row DOM): attributes of &lt;c&gt;, the text of &lt;v&gt; and of
    /// inline strings. Memory stays flat whatever the sheet's size.
    /// </summary>
    public IEnumerable<SourceRow> ReadRows()
    {
        using var reader = OpenXmlReader.Create(sheet);
        List<Cell>? cells = null;
        var rowNumber = 0;
        var pending = new PendingCell();
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    if (cells is not null && Flush(rowNumber, cells) is { } open)
                    {
                        yield return open;
                    }

                    rowNumber = Attribute(reader, "r") is { } r && int.TryParse(r, out var index) ? index : rowNumber + 1;
                    cells = [];
                }
                else if (cells is not null)
                {
                    if (Flush(rowNumber, cells) is { } row)
                    {
                        yield return row;
                    }

                    cells = null;
                }
            }
            else if (type == typeof(DocumentFormat.OpenXml.Spreadsheet.Cell))
            {
                if (reader.IsStartElement)
                {
                    pending = new PendingCell { Column = cells?.Count ?? 0 };
                    foreach (var attribute in reader.Attributes)
                    {
                        switch (attribute.LocalName)
                        {
                            case "r":
                                pending.Column = ColumnIndex(attribute.Value!);
                                break;
                            case "t":
                                pending.Type = attribute.Value;
                                break;
                            case "s":
                                pending.Style = uint.TryParse(attribute.Value, out var style) ? style : 0;
                                break;
                        }
                    }
                }
                else if (cells is not null)
                {
                    Place(cells, pending.Column, ToCell(pending));
                }
            }
            else if (type == typeof(CellValue) && reader.IsStartElement)
            {
                pending.Value = reader.GetText();
            }
            else if (type == typeof(Text) && reader.IsStartElement && pending.Type == "inlineStr")
            {
                pending.Value = (pending.Value ?? string.Empty) + reader.GetText();
            }
        }

        if (cells is not null && Flush(rowNumber, cells) is { } last)
        {
            yield return last;
        }
    }

    public void Dispose() => document.Dispose();

    private static SourceRow? Flush(int rowNumber, List<Cell> cells) =>
        cells.Exists(c => !c.IsBlank) ? new SourceRow(rowNumber, cells) : null;

    private static void Place(List<Cell> cells, int column, Cell value)
    {
        while (cells.Count < column)
        {
            cells.Add(Cell.Empty);
        }

        if (column < cells.Count)
        {
            cells[column] = value;
        }
        else
        {
            cells.Add(value);
        }
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private Cell ToCell(PendingCell cell)
    {
        var raw = cell.Value ?? string.Empty;
        switch (cell.Type)
        {
            case "s":
                return int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Count ? new Cell(sharedStrings[i]) : Cell.Empty;
            case "inlineStr" or "str" or "e":
                return new Cell(raw);
            case "b":
                return new Cell(raw == "1" ? "TRUE" : "FALSE");
        }

        if (raw.Length == 0)
        {
            return Cell.Empty;
        }

        if (!double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return new Cell(raw);
        }

        var kind = cell.Type == "d" ? CellKind.Date : formats.KindOf(cell.Style);
        return new Cell(raw, kind, number);
    }

    private struct PendingCell
    {
        public int Column;
        public string? Type;
        public uint Style;
        public string? Value;
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

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A worksheet: the package's parts found through the Open XML SDK (workbook, sheets, styles, shared strings), the sheet body
/// and the shared strings read with a plain <see cref="System.Xml.XmlReader"/> (<see cref="SheetRows"/>): no object per element.
/// </summary>
internal sealed class XlsxTableSource : TableReader
{
    private readonly SpreadsheetDocument document;
    private readonly SheetRows rows;
    private readonly bool date1904;

    private XlsxTableSource(SpreadsheetDocument document, WorksheetPart sheet, string sheetName, bool date1904)
    {
        this.document = document;
        this.date1904 = date1904;
        SheetName = sheetName;
        var sharedStrings = SharedStrings.Read(document.WorkbookPart!.SharedStringTablePart);
        var formats = CellFormats.From(document.WorkbookPart.WorkbookStylesPart);
        rows = new SheetRows(sheet.GetStream(FileMode.Open, FileAccess.Read), sharedStrings, formats, date1904);
    }

    public override string? SheetName { get; }

    public override int RowNumber => rows.RowNumber;

    public override int Count => rows.Count;

    public override bool Date1904 => date1904;

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

            if (Choose(document.WorkbookPart, workbook, dataset) is not var (part, name))
            {
                return TableOpenResult.Fail(IssueCode.NoDataRows, "The workbook has no worksheet. Put the data on a sheet named like the dataset and upload again.");
            }

            if (part is null)
            {
                return TableOpenResult.Fail(IssueCode.NotXlsx, $"The workbook is damaged: the sheet '{IssueValues.Shorten(name)}' is listed but its contents are missing. Open it in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.");
            }

            var source = new XlsxTableSource(document, part, name, workbook.WorkbookProperties?.Date1904?.Value == true);
            document = null;
            return new TableOpenResult(source, null);
        }
        catch (Exception ex) when (ReadFailure.IsBadContent(ex))
        {
            return TableOpenResult.Fail(IssueCode.NotXlsx, "The workbook could not be opened: its contents are not a valid Excel workbook. Open it in Excel, save it as Excel Workbook (.xlsx) and upload the new file.");
        }
        finally
        {
            document?.Dispose();
        }
    }

    public override bool Next() => rows.Next();

    public override CellKind KindOf(int column) => rows.KindOf(column);

    public override double NumberOf(int column) => rows.NumberOf(column);

    public override ReadOnlySpan<char> TextOf(int column) => rows.TextOf(column);

    public override void Dispose()
    {
        rows.Dispose();
        document.Dispose();
    }

    /// <summary>
    /// The sheet named like the dataset, else the first worksheet (a chart sheet placed first is passed over). Null when
    /// the workbook has no worksheet; a null part when the chosen sheet's relationship points nowhere.
    /// </summary>
    private static (WorksheetPart? Part, string Name)? Choose(WorkbookPart workbookPart, Workbook workbook, Dataset dataset)
    {
        var sheets = workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var named = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), dataset.ToSlug(), StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return (PartOf(workbookPart, named), named.Name?.Value ?? "Sheet1");
        }

        foreach (var sheet in sheets)
        {
            if (PartOf(workbookPart, sheet) is { } part)
            {
                return (part, sheet.Name?.Value ?? "Sheet1");
            }
        }

        return null;
    }

    private static WorksheetPart? PartOf(WorkbookPart workbookPart, Sheet sheet) =>
        sheet.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendFunctions.Core.Ingestion;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Writes the template package: the dataset's sheet first, named as the reader chooses it, then Instructions. Cells are
/// inline strings and numbers with the styles of <see cref="TemplateStyles"/>; relationship ids are fixed, so the same
/// request gives the same parts.
/// </summary>
internal static class TemplateWorkbook
{
    public const string InstructionsSheet = "Instructions";

    /// <summary>Validation and column formats reach this far down, well past any return.</summary>
    private const int LastRow = 5000;

    public static void Write(Stream output, TemplateLayout layout, IReadOnlyList<IReadOnlyList<WorkbookValue>> rows, IReadOnlyList<InstructionLine> instructions)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = TemplateStyles.Create();
        var data = workbookPart.AddNewPart<WorksheetPart>("rIdSheet1");
        data.Worksheet = DataSheet(layout, rows);
        var help = workbookPart.AddNewPart<WorksheetPart>("rIdSheet2");
        help.Worksheet = Instructions(instructions);
        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(
                new Sheet { Name = layout.Dataset.ToSlug(), SheetId = 1, Id = "rIdSheet1" },
                new Sheet { Name = InstructionsSheet, SheetId = 2, Id = "rIdSheet2" }));
    }

    private static Worksheet DataSheet(TemplateLayout layout, IReadOnlyList<IReadOnlyList<WorkbookValue>> rows)
    {
        var columns = layout.Columns;
        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), columns[c].Name, TemplateStyles.Header));
        }

        sheetData.Append(header);
        for (var r = 0; r < rows.Count; r++)
        {
            var index = (uint)(r + 2);
            var row = new Row { RowIndex = index };
            for (var c = 0; c < columns.Count; c++)
            {
                if (ValueCell(Reference(c, index), columns[c], rows[r][c]) is { } cell)
                {
                    row.Append(cell);
                }
            }

            sheetData.Append(row);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = c.Width,
                CustomWidth = true,
                Style = TemplateStyles.ForColumn(c.Kind),
            })),
            sheetData);
        var lists = columns.Select((c, i) => (Column: c, Index: i)).Where(x => x.Column.Choices.Count > 0).ToList();
        if (lists.Count > 0)
        {
            worksheet.Append(new DataValidations(lists.Select(x => Dropdown(x.Column, x.Index))) { Count = (uint)lists.Count });
        }

        worksheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    /// <summary>A drop-down of the contract's words; anything else typed is refused with the list named.</summary>
    private static DataValidation Dropdown(TemplateColumn column, int index)
    {
        var letter = Letter(index);
        var words = string.Join(", ", column.Choices);
        return new DataValidation(new Formula1($"\"{string.Join(",", column.Choices)}\""))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorTitle = column.Name,
            Error = $"Choose one of: {words}.",
            PromptTitle = column.Name,
            Prompt = column.Required ? $"Required: {words}." : $"{words}, or leave empty.",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{LastRow.ToString(CultureInfo.InvariantCulture)}" },
        };
    }

    private static Cell? ValueCell(string reference, TemplateColumn column, WorkbookValue value)
    {
        if (value.Number is { } number)
        {
            var style = value.IsPercent ? TemplateStyles.Percent : value.IsDate ? TemplateStyles.Date : TemplateStyles.ForColumn(column.Kind);
            return new Cell { CellReference = reference, CellValue = new CellValue(number), StyleIndex = style };
        }

        if (!string.IsNullOrEmpty(value.Text))
        {
            return TextCell(reference, value.Text, TemplateStyles.ForColumn(column.Kind));
        }

        // An empty cell keeps a percentage format where the row's unit is %; otherwise the column's format applies.
        return value.IsPercent ? new Cell { CellReference = reference, StyleIndex = TemplateStyles.Percent } : null;
    }

    private static Worksheet Instructions(IReadOnlyList<InstructionLine> lines)
    {
        var sheetData = new SheetData();
        for (var r = 0; r < lines.Count; r++)
        {
            var index = (uint)(r + 1);
            var line = lines[r];
            var row = new Row { RowIndex = index };
            for (var c = 0; c < line.Cells.Count; c++)
            {
                row.Append(TextCell(Reference(c, index), line.Cells[c], line.Heading ? TemplateStyles.Heading : TemplateStyles.Wrapped));
            }

            sheetData.Append(row);
        }

        return new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 90, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 60, CustomWidth = true }),
            sheetData,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static string Reference(int column, uint row) => Letter(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Letter(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}

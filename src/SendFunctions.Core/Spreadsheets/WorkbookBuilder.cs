using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Spreadsheets;

/// <summary>A typed value for a workbook cell: text, a number, a real date cell, or a percentage-formatted number.</summary>
public readonly record struct WorkbookValue(string? Text, double? Number, bool IsDate, bool IsPercent)
{
    public static implicit operator WorkbookValue(string text) => new(text, null, false, false);

    public static WorkbookValue Of(double number) => new(null, number, false, false);

    public static WorkbookValue Of(DateOnly date) => new(null, date.ToDateTime(TimeOnly.MinValue).ToOADate(), true, false);

    /// <summary>0.37 shown as 37%.</summary>
    public static WorkbookValue Percent(double fraction) => new(null, fraction, false, true);
}

/// <summary>Writes an .xlsx with <see cref="OpenXmlWriter"/>, streaming rows, as Excel would save it (inline strings, styled dates and percentages).</summary>
public static class WorkbookBuilder
{
    private const uint DateStyle = 1;
    private const uint PercentStyle = 2;

    public static void Write(Stream output, string sheetName, IEnumerable<IReadOnlyList<WorkbookValue>> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        // Fixed relationship ids (the packaging library's own are random), so the same rows give the same parts.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = CreateStylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rIdSheet1");
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint rowIndex = 0;
            foreach (var row in rows)
            {
                rowIndex++;
                writer.WriteStartElement(new Row { RowIndex = rowIndex });
                for (var c = 0; c < row.Count; c++)
                {
                    WriteCell(writer, row[c], ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
    }

    private static void WriteCell(OpenXmlWriter writer, WorkbookValue value, string reference)
    {
        if (value.Number is { } number)
        {
            var cell = new Cell { CellReference = reference, CellValue = new CellValue(number) };
            if (value.IsDate)
            {
                cell.StyleIndex = DateStyle;
            }
            else if (value.IsPercent)
            {
                cell.StyleIndex = PercentStyle;
            }

            writer.WriteElement(cell);
        }
        else if (!string.IsNullOrEmpty(value.Text))
        {
            writer.WriteElement(new Cell(new InlineString(new Text(value.Text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
            });
        }
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet CreateStylesheet() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true })
        { Count = 3 });
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Tests.Templates;

/// <summary>
/// Fills a template's empty cells as an owner does in Excel, with the Open XML SDK's own document model (none of our
/// writer's code): text into the shared string table, numbers as numbers, and a number typed into a percentage-formatted
/// cell stored as its fraction, as Excel does (40 typed is 0.4 shown as 40%). Carried cells are left as they are.
/// </summary>
internal static class OwnerFill
{
    /// <param name="values">Column name to what the owner types: a string or a double.</param>
    /// <param name="replace">True to type over carried cells too (an owner changing last month's value).</param>
    public static byte[] Fill(byte[] template, string sheetName, IReadOnlyDictionary<string, object> values, bool replace = false)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var strings = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable ??= new SharedStringTable();
            var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            var columns = data.Elements<Row>().First().Elements<Cell>().ToDictionary(c => c.InnerText, c => ColumnOf(c.CellReference!));
            foreach (var row in data.Elements<Row>().Skip(1))
            {
                foreach (var (name, value) in values)
                {
                    var reference = columns[name] + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
                    var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
                    if (cell is not null && cell.InnerText.Length > 0 && !replace)
                    {
                        continue;
                    }

                    cell ??= Insert(row, new Cell { CellReference = reference });
                    cell.InlineString?.Remove();
                    cell.DataType = null;
                    if (value is string text)
                    {
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(strings.SharedStringTable.Elements<SharedStringItem>().Count() - 1);
                    }
                    else
                    {
                        var number = (double)value;
                        cell.CellValue = new CellValue(IsPercent(stylesheet, cell) ? number / 100 : number);
                    }
                }
            }

            part.Worksheet.Save();
            strings.SharedStringTable.Save();
        }

        return stream.ToArray();
    }

    private static Cell Insert(Row row, Cell cell)
    {
        var column = ColumnIndex(ColumnOf(cell.CellReference!));
        var after = row.Elements<Cell>().FirstOrDefault(c => ColumnIndex(ColumnOf(c.CellReference!)) > column);
        return after is null ? row.AppendChild(cell) : row.InsertBefore(cell, after);
    }

    private static bool IsPercent(Stylesheet stylesheet, Cell cell)
    {
        if (cell.StyleIndex?.Value is not { } style)
        {
            return false;
        }

        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style).NumberFormatId?.Value ?? 0;
        return format is 9 or 10
            || stylesheet.NumberingFormats?.Elements<NumberingFormat>().Any(f => f.NumberFormatId?.Value == format && f.FormatCode!.Value!.Contains('%', StringComparison.Ordinal)) == true;
    }

    private static string ColumnOf(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    private static int ColumnIndex(string letters) => letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1));
}

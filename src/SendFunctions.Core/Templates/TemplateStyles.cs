using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Templates;

/// <summary>
/// The template's cell formats. Dates are a custom dd/mm/yyyy (UK order whatever Excel's locale); percentages the built-in
/// 0.00%; text columns the built-in text format @, so what is typed stays as typed. The reader tells dates and percentages
/// from these formats (CellFormats).
/// </summary>
internal static class TemplateStyles
{
    public const uint General = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint Percent = 3;
    public const uint Text = 4;
    public const uint Wrapped = 5;
    public const uint Heading = 6;

    private const uint DateFormat = 164;
    private const uint PercentFormat = 10;
    private const uint TextFormat = 49;

    public static uint ForColumn(ColumnKind kind) => kind switch
    {
        ColumnKind.Date => Date,
        ColumnKind.Text or ColumnKind.Month => Text,
        ColumnKind.Prose => Wrapped,
        _ => General,
    };

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(Wrap()) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = DateFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TextFormat, ApplyNumberFormat = true },
            new CellFormat(Wrap()) { NumberFormatId = TextFormat, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 7 });

    private static Alignment Wrap() => new() { WrapText = true, Vertical = VerticalAlignmentValues.Top };
}

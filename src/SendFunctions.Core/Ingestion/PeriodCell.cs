using System.Globalization;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Ingestion;

/// <summary>A month in a cell: yyyy-MM; also a workbook date cell or a full date (Excel often turns 2025-01 into 01/01/2025), or "Jan 2025".</summary>
internal static class PeriodCell
{
    /// <summary>The month, or null when the cell is empty or (after adding a <c>BadPeriod</c> error with <paramref name="fix"/>) not a month.</summary>
    public static ReportingPeriod? Read(CellParser cells, string column, string fix)
    {
        if (cells.TryPeriodText(column, out var written))
        {
            return written;
        }

        var cell = cells.RawCell(column);
        if (cell.Kind is CellKind.Date or CellKind.Number && cell.Number is >= 1 and < 2958466)
        {
            return ReportingPeriod.Containing(DateOnly.FromDateTime(DateTime.FromOADate(cell.Number)));
        }

        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (ReportingPeriod.TryParse(text, out var parsed))
        {
            return parsed;
        }

        if (CellParser.TryParseDate(text, out var date) && date.Year >= 2000)
        {
            return ReportingPeriod.Containing(date);
        }

        if (DateOnly.TryParseExact(text, ["MMM yyyy", "MMMM yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var month)
            || DateOnly.TryParseExact(text, ["MMM yyyy", "MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out month))
        {
            return ReportingPeriod.Containing(month);
        }

        cells.Error(column, text, IssueCode.BadPeriod, fix);
        return null;
    }
}

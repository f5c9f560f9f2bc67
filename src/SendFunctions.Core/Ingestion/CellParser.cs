using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>Reads typed values from cells by the contract's rules. Failures are issues, not exceptions.</summary>
public sealed class CellParser(SourceRow row, HeaderMap map, List<ValidationIssue> errors, List<ValidationIssue> warnings)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy", "dd MMM yyyy", "dd MMMM yyyy",
    ];

    public int Row => row.Number;

    /// <summary>Trimmed text with control characters removed; empty when the cell is blank.</summary>
    public string Text(string column, int maxLength = int.MaxValue)
    {
        var cell = map.CellOf(row, column);
        var text = cell.Kind == CellKind.Text ? cell.Text.Trim() : FormatNumber(cell);
        if (HasControlCharacters(text))
        {
            text = RemoveControlCharacters(text);
            warnings.Add(Issue(column, Shorten(text), IssueCode.ControlCharacters,
                "Hidden control characters were removed from this cell. Check the text reads as intended."));
        }

        if (text.Length > maxLength)
        {
            errors.Add(Issue(column, Shorten(text), IssueCode.TooLong,
                $"This text is {text.Length} characters long; at most {maxLength} are allowed. Shorten it."));
        }

        return text;
    }

    public string RequiredText(string column, int maxLength = int.MaxValue)
    {
        var text = Text(column, maxLength);
        if (text.Length == 0)
        {
            Required(column);
        }

        return text;
    }

    public DateOnly? Date(string column, bool required)
    {
        var cell = map.CellOf(row, column);
        if (cell.Kind is CellKind.Date or CellKind.Number)
        {
            if (cell.Number is >= 1 and < 2958466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(cell.Number));
            }

            errors.Add(Issue(column, cell.Text, IssueCode.BadDate, "This number is not a date. Enter a date such as 31/01/2025."));
            return null;
        }

        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Required(column);
            }

            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add(Issue(column, text, IssueCode.BadDate, DateAdvice(text)));
        return null;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, British, DateTimeStyles.AllowWhiteSpaces, out date)
        || DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>A number; a percentage-formatted workbook cell (0.37) is read as 37.</summary>
    public decimal? Number(string column, bool required)
    {
        var cell = map.CellOf(row, column);
        if (cell.Kind != CellKind.Text)
        {
            var value = (decimal)Math.Round(cell.Kind == CellKind.Percent ? cell.Number * 100 : cell.Number, 10);
            return value;
        }

        var text = cell.Text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Required(column);
            }

            return null;
        }

        if (TryParseNumber(text, out var number))
        {
            return number;
        }

        errors.Add(Issue(column, text, IssueCode.BadNumber, "This is not a number. Enter digits only, for example 37, 37.5, 37%, 1,234 or £1,100,000."));
        return null;
    }

    public static bool TryParseNumber(string text, out decimal number)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("£"))
        {
            span = span[1..].TrimStart();
        }

        if (span.EndsWith("%"))
        {
            span = span[..^1].TrimEnd();
        }

        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>yes/no, y/n, true/false, 1/0; empty is no.</summary>
    public bool Boolean(string column)
    {
        var text = map.CellOf(row, column).Text.Trim().ToLowerInvariant();
        switch (text)
        {
            case "" or "no" or "n" or "false" or "0":
                return false;
            case "yes" or "y" or "true" or "1":
                return true;
            default:
                errors.Add(Issue(column, text, IssueCode.BadBoolean, "Enter Yes or No (or leave the cell empty for No)."));
                return false;
        }
    }

    public void Error(string column, string? value, IssueCode code, string message) => errors.Add(Issue(column, value, code, message));

    public void Warning(string column, string? value, IssueCode code, string message) => warnings.Add(Issue(column, value, code, message));

    public string RawText(string column) => map.CellOf(row, column).Text.Trim();

    public Cell RawCell(string column) => map.CellOf(row, column);

    private void Required(string column) =>
        errors.Add(Issue(column, string.Empty, IssueCode.RequiredValue, $"'{map.HeaderOf(column)}' must be filled in on every row. Enter a value."));

    private ValidationIssue Issue(string column, string? value, IssueCode code, string message) =>
        new(row.Number, map.HeaderOf(column), value, code, message);

    private static string DateAdvice(string text)
    {
        var parts = text.Split('/', '-', ' ', '.');
        if (parts.Length == 3 && parts[^1].Length == 2)
        {
            return "Two-digit years are ambiguous. Write the year in full, for example 31/01/2025.";
        }

        if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var middle) && middle > 12)
        {
            return "This looks like a US-style date (month first). Write dates day first, for example 25/03/2025, or as 2025-03-25.";
        }

        return "This is not a real date in a format we read. Use day/month/year, for example 31/01/2025, or 2025-01-31.";
    }

    private static string FormatNumber(Cell cell) => cell.Number.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static bool HasControlCharacters(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not '\t' and not '\n' and not '\r')
            {
                return true;
            }
        }

        return false;
    }

    private static string RemoveControlCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsControl(ch) || ch is '\t' or '\n' or '\r')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Trim();
    }
}

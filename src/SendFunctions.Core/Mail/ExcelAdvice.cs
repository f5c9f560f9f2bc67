using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Mail;

/// <summary>
/// What to change in Excel for each kind of error in a rejected return, for an owner who has only Excel and the email.
/// One line per kind, in the order the kinds are first met. Never a cell's value: the personal-data guard has already
/// taken out what it flagged, and advice quotes only our own words, column headers and the allowed values we define.
/// </summary>
public static class ExcelAdvice
{
    public static IReadOnlyList<string> For(IReadOnlyList<ValidationIssue> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var advice = new List<string>();
        foreach (var kind in errors.Select(e => Kind(e.Code)).Where(k => k is not null).Distinct())
        {
            advice.AddRange(kind == Choices ? ChoiceAdvice(errors) : [kind!]);
        }

        return advice;
    }

    private const string Choices = "choices";

    private static string? Kind(IssueCode code) => code switch
    {
        IssueCode.BadDate or IssueCode.ImplausibleDate =>
            "Dates: a date Excel holds as text (it sits at the left of the cell) or in month-first order is not read. Select the column, choose Home > Number Format > Short Date, then retype each date in the rows listed as day/month/year with a four-digit year, for example 31/01/2025.",
        IssueCode.BadPeriod or IssueCode.DataPeriodAfterDrop =>
            "Months: write the month as yyyy-MM, for example 2025-01, no later than the month of the return. If Excel turns it into a date, format the column as Text first (Home > Number Format > Text) and retype it.",
        IssueCode.BadNumber or IssueCode.PercentOutOfRange or IssueCode.OutOfRange =>
            "Numbers: a number stored as text (a small green triangle in the cell's corner) or with words in it is not read. Select the cells, click the warning sign beside them and choose Convert to Number, and keep only the figure (37, 37.5, 37%, 1,234); a percentage is between 0 and 100.",
        IssueCode.DecimalComma =>
            "Decimal commas: write 37.5, not 37,5. If Excel writes commas, go to File > Options > Advanced, untick Use system separators and set the decimal separator to a full stop, then save again.",
        IssueCode.BadChoice => Choices,
        IssueCode.BadBoolean =>
            "Yes/No columns: type Yes or No (or leave the cell empty for No).",
        IssueCode.RequiredValue =>
            "Empty cells: every row needs a value in each required column. Fill in the cells listed, or delete rows that are not items (a total or note row, for example).",
        IssueCode.MissingColumn or IssueCode.DuplicateColumn =>
            "Column headings: row 1 must have a heading for each required column, each once. Rename the heading to the name given in the table (or add the column); the order of columns does not matter.",
        IssueCode.DuplicateId =>
            "IDs: each row needs its own ID. To find repeats, select the ID column and choose Home > Conditional Formatting > Highlight Cells Rules > Duplicate Values.",
        IssueCode.TooLong =>
            "Long text: shorten the cells listed to the length given.",
        IssueCode.PersonalData =>
            "Personal data: take out the details about a child or family (names with addresses, dates of birth, NHS numbers, personal phone numbers or email addresses) from the cells listed. They are not repeated in this email.",
        IssueCode.UncalculatedFormula or IssueCode.CellError =>
            "Formulas: cells showing an error (#N/A, #REF!, #VALUE!) or not calculated are not read. Correct the formula, or copy the column and use Paste Special > Values, then save.",
        IssueCode.NotText or IssueCode.Utf16 or IssueCode.MixedEncoding or IssueCode.WrongSeparator or IssueCode.MalformedCsv or IssueCode.UnclosedQuote =>
            "Saving: in Excel use File > Save As and choose the type CSV UTF-8 (Comma delimited) (*.csv), or Excel Workbook (*.xlsx); do not edit the file in another program afterwards.",
        IssueCode.NotXlsx or IssueCode.Encrypted or IssueCode.TooLarge or IssueCode.ReadFailed or IssueCode.OutsideSheetLimits =>
            "Saving: in Excel use File > Save As and choose Excel Workbook (*.xlsx), without a password (File > Info > Protect Workbook > Encrypt with Password, and clear it), with only the return's sheet.",
        IssueCode.EmptyFile or IssueCode.NoDataRows =>
            "Empty file: check you saved the sheet with the return on it, with its heading row and one row for each item.",
        IssueCode.CompletedAfterAsOf or IssueCode.CompleteWithoutDate or IssueCode.DateWithoutComplete
            or IssueCode.ClosedWithoutDate or IssueCode.ClosedAfterAsOf =>
            "Statuses and their dates: a completed or closed item needs the date it happened, no later than the end of the month, and an item with that date needs the status Complete or Closed. Change the status or the date in the rows listed.",
        _ => null,
    };

    /// <summary>The allowed values, per column, in the words the error gives them (our own list, never the cell).</summary>
    private static IEnumerable<string> ChoiceAdvice(IReadOnlyList<ValidationIssue> errors) =>
        errors.Where(e => e.Code == IssueCode.BadChoice)
            .GroupBy(e => e.Column ?? string.Empty, StringComparer.Ordinal)
            .Select(g => $"Column '{Display.Printable.Of(g.Key)}', a value not in the list: {g.First().Message} Type it exactly as written here; to offer only these in Excel, select the column and use Data > Data Validation > Allow: List.");
}

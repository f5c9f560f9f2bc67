using System.Globalization;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Reads typed values from the current row's cells by the contract's rules, straight from the reader's buffers: numbers,
/// dates and choices are parsed from spans, and short repeated text is shared. Failures are issues, not exceptions.
/// </summary>
public sealed class CellParser
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy", "dd MMM yyyy", "dd MMMM yyyy",
    ];

    private readonly TableReader reader;
    private readonly CsvTableSource? csv;
    private readonly HeaderMap map;
    private readonly IssueLog errors;
    private readonly IssueLog warnings;
    private readonly IngestionLimits limits;
    private readonly string idColumn;
    private readonly StringPool pool = new();
    private readonly StringPool keys = new();
    private readonly int[] poolTries;
    private readonly int[] poolHits;
    private ulong reportedUnusable;

    /// <summary>
    /// When rows are kept, the current row's text by column, made as each cell is checked (so a kept row's record does not
    /// read its cells twice); null when checking only, which makes no text.
    /// </summary>
    private readonly string?[]? made;

    internal CellParser(TableReader reader, HeaderMap map, IssueLog errors, IssueLog warnings, IngestionLimits limits, string idColumn, bool keepRows)
    {
        made = keepRows ? new string?[map.ColumnCount] : null;
        this.reader = reader;
        csv = reader as CsvTableSource;
        this.map = map;
        this.errors = errors;
        this.warnings = warnings;
        this.limits = limits;
        this.idColumn = idColumn;
        poolTries = new int[map.ColumnCount];
        poolHits = new int[map.ColumnCount];
    }

    public int Row => reader.RowNumber;

    /// <summary>
    /// The current row's cells. A CSV file is read through its own sealed reader, so these calls are direct (and inlined)
    /// rather than virtual: the same parser also reads workbooks, which would otherwise make every cell a virtual call.
    /// </summary>
    private int CellCount => csv is not null ? csv.Count : reader.Count;

    private CellKind KindAt(int column) => csv is not null ? CellKind.Text : reader.KindOf(column);

    private ReadOnlySpan<char> TextAt(int column) => csv is not null ? csv.TextOf(column) : reader.TextOf(column);

    /// <summary>
    /// Checks a text cell: control and invisible format characters will be removed (reported here as a warning) and the
    /// text may be at most <paramref name="maxLength"/> long. The length the text will have; 0 when the cell is blank.
    /// Makes no string for plain text unless rows are kept, when the text is made here for <see cref="Text"/>.
    /// </summary>
    public int CheckText(string column, int maxLength = int.MaxValue)
    {
        var index = Usable(column);
        int length;
        string? text = null;
        if (index < 0)
        {
            length = 0;
        }
        else if (KindAt(index) != CellKind.Text)
        {
            text = FormatNumber(reader.NumberOf(index));
            length = text.Length;
        }
        else
        {
            var span = TextAt(index).Trim();
            if (IssueValues.HasHidden(span))
            {
                text = Cleaned(column, span);
            }
            else if (made is not null)
            {
                text = Share(column, span);
            }

            length = text?.Length ?? span.Length;
        }

        if (made is not null)
        {
            made[map.Find(column)] = text ?? string.Empty;
        }

        if (length > maxLength)
        {
            errors.Add(Issue(column, text ?? TextAt(index).Trim().ToString(), IssueCode.TooLong,
                $"This text is {length} characters long; at most {maxLength} are allowed. Shorten it."));
        }

        return length;
    }

    /// <summary><see cref="CheckText"/> for a cell that must be filled in: a blank one is reported (unless it was reported as unusable).</summary>
    public int CheckRequiredText(string column, int maxLength = int.MaxValue)
    {
        var length = CheckText(column, maxLength);
        if (length == 0 && !WasUnusable(column))
        {
            Required(column);
        }

        return length;
    }

    /// <summary>
    /// The text of a cell <see cref="CheckText"/> has checked, trimmed and with control and invisible format characters
    /// removed (reporting nothing: the check did); empty when the cell is blank. Short repeated text is shared.
    /// </summary>
    public string Text(string column)
    {
        if (made?[map.Find(column)] is { } text)
        {
            return text;
        }

        var index = Usable(column, report: false);
        if (index < 0)
        {
            return string.Empty;
        }

        if (KindAt(index) != CellKind.Text)
        {
            return FormatNumber(reader.NumberOf(index));
        }

        var span = TextAt(index).Trim();
        return IssueValues.HasHidden(span) ? IssueValues.RemoveHidden(span) : Share(column, span);
    }

    /// <summary>
    /// The text of a checked cell as <see cref="Text"/> would make it, without making a string when it needs no cleaning:
    /// valid only until the reader moves to the next row.
    /// </summary>
    internal ReadOnlySpan<char> TextSpan(string column)
    {
        if (made?[map.Find(column)] is { } text)
        {
            return text;
        }

        var index = Usable(column, report: false);
        if (index < 0)
        {
            return [];
        }

        if (KindAt(index) != CellKind.Text)
        {
            return FormatNumber(reader.NumberOf(index));
        }

        var span = TextAt(index).Trim();
        return IssueValues.HasHidden(span) ? IssueValues.RemoveHidden(span) : span;
    }

    /// <summary>
    /// The cell's text exactly as the reader holds it, untrimmed and unchecked (empty for a cell that is not text or is
    /// absent): for a hint such as <see cref="IdSet.Prefetch"/>, never for a value.
    /// </summary>
    internal ReadOnlySpan<char> RawSpan(string column)
    {
        var index = map.IndexOf(column);
        return index < 0 || index >= CellCount || KindAt(index) != CellKind.Text ? [] : TextAt(index);
    }

    public DateOnly? Date(string column, bool required)
    {
        var index = Usable(column);
        if (index >= 0 && KindAt(index) is CellKind.Date or CellKind.Number)
        {
            return SerialDate(column, index);
        }

        var text = index < 0 ? [] : TextAt(index).Trim();
        if (text.IsEmpty)
        {
            if (required && !WasUnusable(column))
            {
                Required(column);
            }

            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return Plausible(column, date, text);
        }

        var written = text.ToString();
        errors.Add(Issue(column, written, IssueCode.BadDate, DateAdvice(written)));
        return null;
    }

    public static bool TryParseDate(string text, out DateOnly date) => TryParseDate(text.AsSpan(), out date);

    internal static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        NumericDate.TryParse(text, out date)
        || DateOnly.TryParseExact(text, DateFormats, British, DateTimeStyles.AllowWhiteSpaces, out date)
        || DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>A number; a percentage-formatted workbook cell (0.37) is read as 37.</summary>
    public decimal? Number(string column, bool required)
    {
        var index = Usable(column);
        if (index >= 0 && KindAt(index) != CellKind.Text)
        {
            var number = reader.NumberOf(index);
            var value = KindAt(index) == CellKind.Percent ? number * 100 : number;
            if (!double.IsFinite(value) || Math.Abs(value) > 1e27)
            {
                errors.Add(Issue(column, TextAt(index).ToString(), IssueCode.BadNumber, "This number is too large to be a figure in a return (or is not a number at all). Enter the figure itself."));
                return null;
            }

            return (decimal)Math.Round(value, 10);
        }

        var text = index < 0 ? [] : TextAt(index).Trim();
        if (text.IsEmpty)
        {
            if (required && !WasUnusable(column))
            {
                Required(column);
            }

            return null;
        }

        switch (NumberText.Parse(text, out var parsed))
        {
            case NumberText.Result.Number:
                return parsed;
            case NumberText.Result.DecimalComma:
                var written = text.ToString();
                errors.Add(Issue(column, written, IssueCode.DecimalComma,
                    $"This has a comma where a decimal point belongs (as Excel writes numbers in some European languages). Write it with a full stop, {written.Replace(',', '.')}: in a return a comma only separates thousands, as in 1,234."));
                return null;
            default:
                errors.Add(Issue(column, text.ToString(), IssueCode.BadNumber, "This is not a number. Enter digits only, for example 37, 37.5, 37%, 1,234 or £1,100,000."));
                return null;
        }
    }

    public static bool TryParseNumber(string text, out decimal number) =>
        NumberText.Parse(text.AsSpan().Trim(), out number) == NumberText.Result.Number;

    /// <summary>yes/no, y/n, true/false, 1/0; empty is no.</summary>
    public bool Boolean(string column)
    {
        var index = Usable(column);
        var text = index < 0 ? [] : TextAt(index).Trim();
        if (text.IsEmpty || Is(text, "no") || Is(text, "n") || Is(text, "false") || Is(text, "0"))
        {
            return false;
        }

        if (Is(text, "yes") || Is(text, "y") || Is(text, "true") || Is(text, "1"))
        {
            return true;
        }

        errors.Add(Issue(column, text.ToString().ToLowerInvariant(), IssueCode.BadBoolean, "Enter Yes or No (or leave the cell empty for No)."));
        return false;
    }

    public void Error(string column, string? value, IssueCode code, string message) => errors.Add(Issue(column, value, code, message));

    public void Warning(string column, string? value, IssueCode code, string message) => warnings.Add(Issue(column, value, code, message));

    /// <summary>The trimmed text as written; empty for a blank, an uncalculated formula or an error value.</summary>
    public string RawText(string column)
    {
        var index = Usable(column);
        return index < 0 ? string.Empty : pool.Get(TextAt(index).Trim());
    }

    /// <summary>The trimmed text in <see cref="ColumnSpec.Normalise"/>'s form, for matching a choice ("In progress" is "inprogress"); made once per distinct value in a file.</summary>
    public string Key(string column)
    {
        var index = Usable(column);
        return index < 0 ? string.Empty : keys.Derived(TextAt(index).Trim(), ColumnSpec.Normalise);
    }

    /// <summary><see cref="Key(string)"/>, and whether the cell is blank (absent, unusable or only spaces), with the cell found and trimmed once.</summary>
    public string Key(string column, out bool blank)
    {
        var index = Usable(column);
        var text = index < 0 ? [] : TextAt(index).Trim();
        blank = text.IsEmpty;
        return blank ? string.Empty : keys.Derived(text, ColumnSpec.Normalise);
    }

    /// <summary>The month when the cell is text written yyyy-MM (the common case), read from the span; false otherwise, and nothing reported.</summary>
    internal bool TryPeriodText(string column, out Periods.ReportingPeriod period)
    {
        period = default;
        var index = Usable(column);
        return index >= 0 && KindAt(index) == CellKind.Text && Periods.ReportingPeriod.TryParse(TextAt(index).Trim(), out period);
    }

    public Cell RawCell(string column)
    {
        var index = Usable(column);
        return index < 0 ? Cell.Empty : new Cell(pool.Get(TextAt(index)), KindAt(index), reader.NumberOf(index));
    }

    /// <summary>Called as the validator moves to a row: issues about unusable cells are reported once per cell, and the last row's text is dropped.</summary>
    internal void BeginRow()
    {
        reportedUnusable = 0;
        if (made is not null)
        {
            Array.Clear(made);
        }
    }

    /// <summary>The source column of <paramref name="column"/>, or -1 when it is absent, blank past the row's end, or unusable (reported here once).</summary>
    private int Usable(string column, bool report = true)
    {
        var index = map.IndexOf(column);
        if (index < 0 || index >= CellCount)
        {
            return -1;
        }

        var kind = KindAt(index);
        if (kind is not (CellKind.UncalculatedFormula or CellKind.Error))
        {
            return index;
        }

        var bit = 1UL << (map.Find(column) & 63);
        if (report && (reportedUnusable & bit) == 0)
        {
            reportedUnusable |= bit;
            errors.Add(kind == CellKind.Error
                ? Issue(column, TextAt(index).ToString(), IssueCode.CellError,
                    "This cell shows an Excel error instead of a value. Correct the formula or type the value, then save and upload again.")
                : Issue(column, null, IssueCode.UncalculatedFormula,
                    "This cell holds a formula that was saved without its result (the program that saved the file did not calculate it). Open the file in Excel so it calculates, save it and upload again, or type the value."));
        }

        return -1;
    }

    private bool WasUnusable(string column)
    {
        var index = map.IndexOf(column);
        return index >= 0 && index < CellCount && KindAt(index) is CellKind.UncalculatedFormula or CellKind.Error;
    }

    private DateOnly? SerialDate(string column, int index)
    {
        var serial = reader.NumberOf(index);
        if (KindAt(index) == CellKind.Number && reader.Date1904)
        {
            serial += 1462;
        }

        if (!reader.Date1904 && Math.Floor(serial) == 60)
        {
            errors.Add(Issue(column, TextAt(index).ToString(), IssueCode.BadDate,
                "This is Excel's 29/02/1900, a day that never existed (1900 was not a leap year). Enter the real date, for example 31/01/2025."));
            return null;
        }

        if (serial is >= 1 and < 2958466)
        {
            var date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return Plausible(column, date, TextAt(index));
        }

        errors.Add(Issue(column, TextAt(index).ToString(), IssueCode.BadDate, "This number is not a date. Enter a date such as 31/01/2025."));
        return null;
    }

    /// <summary>Dates outside the configured range (default 1990 to 2100) are typing slips, not programme dates.</summary>
    private DateOnly? Plausible(string column, DateOnly date, ReadOnlySpan<char> written)
    {
        if (date >= limits.EarliestDate && date <= limits.LatestDate)
        {
            return date;
        }

        errors.Add(Issue(column, written.ToString(), IssueCode.ImplausibleDate, string.Create(CultureInfo.InvariantCulture,
            $"The date {date:dd/MM/yyyy} is outside the years a return can cover ({limits.EarliestDate.Year} to {limits.LatestDate.Year}). Check the year.")));
        return null;
    }

    private string Cleaned(string column, ReadOnlySpan<char> span)
    {
        var text = IssueValues.RemoveHidden(span);
        if (IssueValues.HasControl(span))
        {
            warnings.Add(Issue(column, text, IssueCode.ControlCharacters,
                "Hidden control characters were removed from this cell. Check the text reads as intended."));
        }

        if (IssueValues.HasInvisible(span))
        {
            warnings.Add(Issue(column, text, IssueCode.InvisibleCharacters,
                "Invisible formatting characters (such as a zero-width space, a byte order mark or a right-to-left override) were removed from this cell: they can hide a repeated ID or change how text displays. Check the text reads as intended."));
        }

        return text;
    }

    /// <summary>
    /// Shares the string when the column repeats its values (workstreams, owners); a column whose values are mostly new
    /// after a thousand rows (IDs, descriptions) stops being looked up.
    /// </summary>
    private string Share(string column, ReadOnlySpan<char> span)
    {
        var position = map.Find(column);
        if (ReferenceEquals(column, idColumn) || (poolTries[position] >= 1024 && poolHits[position] * 2 < poolTries[position]))
        {
            return span.ToString();
        }

        poolTries[position]++;
        var text = pool.Get(span, out var found);
        poolHits[position] += found ? 1 : 0;
        return text;
    }

    private static bool Is(ReadOnlySpan<char> text, string word) => text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private void Required(string column) =>
        errors.Add(Issue(column, string.Empty, IssueCode.RequiredValue, $"'{map.HeaderOf(column)}' must be filled in on every row. Enter a value."));

    private ValidationIssue Issue(string column, string? value, IssueCode code, string message) =>
        new(reader.RowNumber, map.HeaderOf(column), value is null ? null : IssueValues.Shorten(value), code, message);

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

    private static string FormatNumber(double number) => number.ToString(CultureInfo.InvariantCulture);
}

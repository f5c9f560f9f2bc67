namespace SendFunctions.Core.Ingestion;

/// <summary>Rows of a CSV file or a worksheet, streamed. Blank rows are skipped but still counted.</summary>
public interface ITableSource : IDisposable
{
    /// <summary>What the sheet is called, for messages ("sheet 'Milestones'"); null for CSV.</summary>
    string? SheetName { get; }

    /// <summary>Each non-blank row as cells. Made for callers that hold a few rows; the validator reads the table in place.</summary>
    IEnumerable<SourceRow> ReadRows();

    /// <summary>Warnings met while reading (for example a stray quote), known once reading has finished.</summary>
    IReadOnlyList<ValidationIssue> ReadIssues { get; }

    /// <summary>Errors met while reading (for example an unclosed quote), known once reading has finished.</summary>
    IReadOnlyList<ValidationIssue> ReadErrors { get; }
}

public sealed record TableOpenResult(ITableSource? Source, ValidationIssue? Error)
{
    public static TableOpenResult Fail(IssueCode code, string message) => new(null, new ValidationIssue(null, null, null, code, message));
}

public static class TableSource
{
    /// <summary>Opens a seekable stream as the given format. A file we cannot read is a result, not an exception.</summary>
    public static TableOpenResult Open(Stream content, FileFormat format, Dataset dataset, IngestionLimits limits) =>
        Open(content, format, dataset, limits, CsvReading.Classified);

    /// <summary>
    /// <see cref="Open(Stream, FileFormat, Dataset, IngestionLimits)"/>, a CSV read as <paramref name="csv"/> says: its
    /// encoding decided from every byte before reading, or read as UTF-8 while its bytes are checked (the validator's one
    /// pass, which reads the file again when they are not all UTF-8), or read in an encoding already decided.
    /// </summary>
    internal static TableOpenResult Open(Stream content, FileFormat format, Dataset dataset, IngestionLimits limits, CsvReading csv)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The drop must be given as a seekable stream.", nameof(content));
        }

        if (content.Length == 0)
        {
            return TableOpenResult.Fail(IssueCode.EmptyFile, "The file is empty (0 bytes). Save the file again from Excel and upload it.");
        }

        return format == FileFormat.Csv ? CsvTableSource.Open(content, limits, csv) : XlsxTableSource.Open(content, dataset, limits);
    }
}

/// <summary>
/// A table read in place, one row at a time: the current row's cells are valid until <see cref="Next"/> is called again,
/// so reading a cell makes no string unless the caller asks for one.
/// </summary>
internal abstract class TableReader : ITableSource
{
    private protected List<ValidationIssue> Warnings { get; } = [];

    private protected List<ValidationIssue> Errors { get; } = [];

    public abstract string? SheetName { get; }

    public IReadOnlyList<ValidationIssue> ReadIssues => Warnings;

    public IReadOnlyList<ValidationIssue> ReadErrors => Errors;

    /// <summary>The current row's number as the owner sees it in Excel.</summary>
    public abstract int RowNumber { get; }

    /// <summary>Cells in the current row (up to the last one present).</summary>
    public abstract int Count { get; }

    /// <summary>True when serial numbers in this workbook count days from 1904 (dates cells are already converted; plain numbers are not).</summary>
    public virtual bool Date1904 => false;

    /// <summary>Moves to the next non-blank row; false at the end.</summary>
    public abstract bool Next();

    public abstract CellKind KindOf(int column);

    /// <summary>The number of a Number, Date (an Excel serial in the 1900 system) or Percent cell.</summary>
    public abstract double NumberOf(int column);

    /// <summary>The cell's text as written (the raw value for numbers), untrimmed.</summary>
    public abstract ReadOnlySpan<char> TextOf(int column);

    public Cell CellAt(int column) => column < 0 || column >= Count
        ? Cell.Empty
        : new Cell(TextOf(column).ToString(), KindOf(column), NumberOf(column));

    public IEnumerable<SourceRow> ReadRows()
    {
        while (Next())
        {
            var cells = new Cell[Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellAt(i);
            }

            yield return new SourceRow(RowNumber, cells);
        }
    }

    public abstract void Dispose();
}

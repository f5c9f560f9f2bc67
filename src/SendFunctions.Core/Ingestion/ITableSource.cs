namespace SendFunctions.Core.Ingestion;

/// <summary>Rows of a CSV file or a worksheet, streamed. Blank rows are skipped but still counted.</summary>
public interface ITableSource : IDisposable
{
    /// <summary>What the sheet is called, for messages ("sheet 'Milestones'"); null for CSV.</summary>
    string? SheetName { get; }

    IEnumerable<SourceRow> ReadRows();

    /// <summary>Problems met while reading (for example a stray quote), known once reading has finished.</summary>
    IReadOnlyList<ValidationIssue> ReadIssues { get; }
}

public sealed record TableOpenResult(ITableSource? Source, ValidationIssue? Error)
{
    public static TableOpenResult Fail(IssueCode code, string message) => new(null, new ValidationIssue(null, null, null, code, message));
}

public static class TableSource
{
    /// <summary>Opens a seekable stream as the given format. A file we cannot read is a result, not an exception.</summary>
    public static TableOpenResult Open(Stream content, FileFormat format, Dataset dataset, IngestionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The drop must be given as a seekable stream.", nameof(content));
        }

        if (content.Length == 0)
        {
            return TableOpenResult.Fail(IssueCode.EmptyFile, "The file is empty (0 bytes). Save the file again from Excel and upload it.");
        }

        return format == FileFormat.Csv ? CsvTableSource.Open(content) : XlsxTableSource.Open(content, dataset, limits);
    }
}

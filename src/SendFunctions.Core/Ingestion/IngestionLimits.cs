namespace SendFunctions.Core.Ingestion;

/// <summary>Bounds that keep a hostile or broken upload from exhausting the host, and what counts as a plausible date.</summary>
public sealed record IngestionLimits
{
    public static readonly IngestionLimits Default = new();

    /// <summary>Total uncompressed bytes a workbook may expand to (zip bomb guard). Contract default: 50 MB.</summary>
    public long MaxUncompressedBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Number of zip entries a workbook may hold.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>
    /// Errors (and, apart, warnings) kept in a report; the rest are counted and summed up in one closing issue. A file
    /// with 400,000 bad rows otherwise makes a report and an email of tens of megabytes that nobody reads past the first page.
    /// </summary>
    public int MaxIssuesKept { get; init; } = 1_000;

    /// <summary>Dates before this are errors: a monthly return about a current programme never needs them (typing slips such as 1925 for 2025).</summary>
    public DateOnly EarliestDate { get; init; } = new(1990, 1, 1);

    /// <summary>Dates after this are errors.</summary>
    public DateOnly LatestDate { get; init; } = new(2100, 12, 31);

    /// <summary>The longest CSV row, in characters, read whole; longer is refused (usually a quote never closed).</summary>
    public int MaxCsvRowChars { get; init; } = 8 * 1024 * 1024;
}

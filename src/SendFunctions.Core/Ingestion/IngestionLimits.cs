namespace SendFunctions.Core.Ingestion;

/// <summary>Bounds that keep a hostile or broken upload from exhausting the host.</summary>
public sealed record IngestionLimits
{
    public static readonly IngestionLimits Default = new();

    /// <summary>Total uncompressed bytes a workbook may expand to (zip bomb guard). Contract default: 50 MB.</summary>
    public long MaxUncompressedBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Number of zip entries a workbook may hold.</summary>
    public int MaxZipEntries { get; init; } = 10_000;
}

using System.ComponentModel.DataAnnotations;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Ingestion;

/// <summary>Configuration section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest total size a workbook may expand to when unzipped (zip bomb guard).</summary>
    [Range(1024 * 1024, 1024L * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = IngestionLimits.Default.MaxUncompressedBytes;

    public IngestionLimits ToLimits() => IngestionLimits.Default with { MaxUncompressedBytes = MaxUncompressedBytes };
}

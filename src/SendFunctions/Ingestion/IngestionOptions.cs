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

    /// <summary>
    /// How old an upload must be before the sweep takes it as missed by the blob trigger. Longer than the trigger's backlog
    /// can be (a burst of uploads is worked through at a few per second per instance), so that the sweep never takes an
    /// upload the trigger still has queued or in hand.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SweepGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    public IngestionLimits ToLimits() => IngestionLimits.Default with { MaxUncompressedBytes = MaxUncompressedBytes };
}

using SendFunctions.Core.Ingestion;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>How an ingest appears in the run ledger.</summary>
internal static class IngestRun
{
    /// <summary>The run's table keys, from the upload's identity alone: the sweep finds runs by it.</summary>
    public static (string Partition, string RowKey) KeyOf(string blobName, DateTimeOffset uploadedAt, string etag)
    {
        var drop = DropPath.Parse(blobName).Drop;
        return (drop?.Period.ToString() ?? StorageLayout.UnrecognisedFolder,
            $"{nameof(IngestDrop)}-{drop?.Dataset.ToSlug() ?? "unknown"}-{StorageLayout.Stamp(uploadedAt, etag)}");
    }

    public static RunRecord ToRecord(IngestResult result, DateTimeOffset started, DateTimeOffset finished)
    {
        var (partition, runId) = KeyOf(result.BlobName, result.UploadedAt, result.ETag);
        var detail = result.PathError?.Message
            ?? (result.Accepted ? $"curated version {result.Curated?.HistoryName}" : $"validation/{result.ReportName}");
        var counts = new Dictionary<string, int>
        {
            ["Rows"] = result.Report?.Rows ?? 0,
            ["Errors"] = result.Report?.Errors.Count ?? 1,
            ["Warnings"] = result.Report?.Warnings.Count ?? 0,
        };
        return new RunRecord(partition, runId, nameof(IngestDrop), result.Accepted ? RunOutcome.Accepted : RunOutcome.Rejected, $"drops/{result.BlobName}", detail, started, finished, counts);
    }
}

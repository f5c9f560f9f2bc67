using SendFunctions.Core.Ingestion;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>How an ingest appears in the run ledger.</summary>
internal static class IngestRun
{
    public static RunRecord ToRecord(IngestResult result, DateTimeOffset started, DateTimeOffset finished)
    {
        var partition = result.Drop?.Period.ToString() ?? StorageLayout.UnrecognisedFolder;
        var runId = $"{nameof(IngestDrop)}-{result.Drop?.Dataset.ToSlug() ?? "unknown"}-{StorageLayout.Stamp(result.UploadedAt, result.ETag)}";
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

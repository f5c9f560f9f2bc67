using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Display;
using SendFunctions.Operations;

namespace SendFunctions.Ingestion;

/// <summary>
/// The safety net under the blob trigger. The trigger's container scan can miss an upload (timestamps are whole
/// seconds; without storage analytics logs, as on Azurite, nothing catches it later), so on a schedule every upload
/// older than <see cref="IngestionOptions.SweepGracePeriod"/> without a run record is ingested. Younger uploads are
/// left to the trigger, which may still have them queued or in hand: taking them too would ingest them twice.
/// </summary>
public sealed class SweepDrops(BlobServiceClient blobs, DropBlobs drops, TableServiceClient tables, IngestDrop ingest, TimeProvider time, IOptions<IngestionOptions> options, ILogger<SweepDrops> log)
{
    [FunctionName(nameof(SweepDrops))]
    public async Task Run([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        await SetAsideDrops.MoveAsync(drops, log, ct);
        foreach (var (name, uploadedAt, etag) in await MissedAsync(time.GetUtcNow() - options.Value.SweepGracePeriod, ct))
        {
            Log.SweptUp(log, Printable.Of(name));
            await IngestIsolatedAsync(name, uploadedAt, etag, ct);
        }
    }

    /// <summary>
    /// One upload's failure is that upload's: recorded against it in the runs table (a Failed run, which alerts) and the
    /// sweep goes on to the rest. The failure row is not an ingest row, so the next sweep tries the upload again.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "The isolation boundary of the sweep: any failure of one upload is recorded for it, alerted, and retried on the next sweep.")]
    private async Task IngestIsolatedAsync(string name, DateTimeOffset uploadedAt, string etag, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        try
        {
            await ingest.IngestAsync(name, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RunLedger.RecordAsync(tables, RunRow.IngestFailed(name, uploadedAt, etag, Printable.Of($"{ex.GetType().Name}: {ex.Message}"), started, time.GetUtcNow()), log, ct);
        }
    }

    /// <summary>Uploads last written before <paramref name="cutoff"/> with no ingest run for that version: one runs query per period.</summary>
    private async Task<IReadOnlyList<(string Name, DateTimeOffset UploadedAt, string ETag)>> MissedAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var drops = blobs.GetBlobContainerClient(StorageLayout.Drops);
        if (!await drops.ExistsAsync(ct))
        {
            return [];
        }

        var candidates = new List<(string Name, DateTimeOffset UploadedAt, string ETag, string Partition, string RowKey)>();
        await foreach (var blob in drops.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            if (blob.Properties.LastModified is { } modified && modified < cutoff && DropName.IsScannable(blob.Name))
            {
                var etag = blob.Properties.ETag!.Value.ToString();
                var (partition, rowKey) = RunRow.IngestKey(blob.Name, modified, etag);
                candidates.Add((blob.Name, modified, etag, partition, rowKey));
            }
        }

        var runs = await RunLedger.TableAsync(tables, ct);
        var missed = new List<(string Name, DateTimeOffset UploadedAt, string ETag)>();
        foreach (var period in candidates.GroupBy(c => c.Partition))
        {
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var run in runs.QueryAsync<RunRow>(
                r => r.PartitionKey == period.Key && r.RowKey.CompareTo(RunRow.IngestPrefix) >= 0 && r.RowKey.CompareTo(RunRow.IngestPrefixEnd) < 0,
                select: [nameof(RunRow.RowKey)], cancellationToken: ct))
            {
                recorded.Add(run.RowKey);
            }

            missed.AddRange(period.Where(c => !recorded.Contains(c.RowKey)).Select(c => (c.Name, c.UploadedAt, c.ETag)));
        }

        return missed;
    }
}

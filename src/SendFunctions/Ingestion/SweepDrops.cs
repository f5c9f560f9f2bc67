using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;

namespace SendFunctions.Ingestion;

/// <summary>
/// The safety net under the blob trigger. The trigger's container scan can miss an upload (timestamps
/// are whole seconds; without storage analytics logs, as on Azurite, nothing catches it later), so on a
/// schedule every upload without a run record is ingested. Ingestion is idempotent, so a blob that the
/// trigger and the sweep both pick up is harmless.
/// </summary>
public sealed class SweepDrops(BlobServiceClient blobs, TableServiceClient tables, IngestDrop ingest, ILogger<SweepDrops> log)
{
    [FunctionName(nameof(SweepDrops))]
    public async Task Run([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        foreach (var name in await UnrecordedAsync(ct))
        {
            Log.SweptUp(log, name);
            await ingest.IngestAsync(name, ct);
        }
    }

    /// <summary>Uploads in <c>drops/</c> that have no ingest run recorded for their current version.</summary>
    private async Task<IReadOnlyList<string>> UnrecordedAsync(CancellationToken ct)
    {
        var drops = blobs.GetBlobContainerClient(StorageLayout.Drops);
        if (!await drops.ExistsAsync(ct))
        {
            return [];
        }

        var runs = await RunLedger.TableAsync(tables, ct);
        var missing = new List<string>();
        await foreach (var blob in drops.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            var (partition, rowKey) = RunRow.IngestKey(blob.Name, blob.Properties.LastModified!.Value, blob.Properties.ETag!.Value.ToString());
            if (!(await runs.GetEntityIfExistsAsync<RunRow>(partition, rowKey, [nameof(RunRow.PartitionKey)], ct)).HasValue)
            {
                missing.Add(blob.Name);
            }
        }

        return missing;
    }
}

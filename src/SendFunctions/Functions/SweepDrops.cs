using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>
/// The safety net under the blob trigger. The trigger's container scan can miss an upload (timestamps
/// are whole seconds; without storage analytics logs, as on Azurite, nothing catches it later), so on a
/// schedule every upload without a run record is ingested. Ingestion is idempotent, so a blob that the
/// trigger and the sweep both pick up is harmless.
/// </summary>
public sealed class SweepDrops(BlobServiceClient blobs, TableServiceClient tables, IngestHandler handler, ILogger<SweepDrops> log)
{
    [FunctionName(nameof(SweepDrops))]
    public async Task Run([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        foreach (var name in await DropSweep.FindUnrecordedAsync(blobs, tables, ct))
        {
            Log.SweptUp(log, name);
            await handler.HandleAsync(name, ct);
        }
    }
}

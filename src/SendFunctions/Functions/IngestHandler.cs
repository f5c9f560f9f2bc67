using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>Ingests one upload and records the run: shared by the blob trigger and the sweep that backs it up.</summary>
public sealed class IngestHandler(BlobServiceClient blobs, TableServiceClient tables, TimeProvider time, IOptions<IngestionOptions> options, ILogger<IngestHandler> log)
{
    public async Task HandleAsync(string name, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var config = await ProgrammeConfigStore.LoadAsync(blobs, ct);
        foreach (var problem in config.Problems)
        {
            Log.ConfigProblem(log, problem);
        }

        var result = await new DropIngestion(blobs).RunAsync(name, options.Value.ToLimits(), config.Config, ct);
        await RunLedger.RecordAsync(tables, IngestRun.ToRecord(result, started, time.GetUtcNow()), ct);
        Log.Ingested(log, name, result.Accepted ? "accepted" : "rejected", result.Report?.Rows ?? 0, result.Report?.Errors.Count ?? 1, result.Report?.Warnings.Count ?? 0);
    }
}

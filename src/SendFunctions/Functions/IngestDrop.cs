using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>A data owner's upload to <c>drops/</c>: archive, validate, report, curate (DATA-CONTRACT.md sections 1-3).</summary>
public sealed class IngestDrop(BlobServiceClient blobs, TableServiceClient tables, TimeProvider time, IOptions<IngestionOptions> options, ILogger<IngestDrop> log)
{
    [FunctionName(nameof(IngestDrop))]
    public async Task Run([BlobTrigger("drops/{name}")] Stream upload, string name, CancellationToken ct)
    {
        // The SDK's stream is not read: the blob is downloaded through our own client so that its bytes
        // and its ETag come from one response, and a newer overwrite cannot be archived under an old name.
        _ = upload;
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

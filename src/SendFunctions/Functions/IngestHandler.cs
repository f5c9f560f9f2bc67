using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Mail;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>Ingests one upload and records the run: shared by the blob trigger and the sweep that backs it up.</summary>
public sealed class IngestHandler(BlobServiceClient blobs, TableServiceClient tables, MailDelivery mail, TimeProvider time, IOptions<IngestionOptions> options, ILogger<IngestHandler> log)
{
    public async Task HandleAsync(string name, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var config = await ProgrammeConfigStore.LoadAsync(blobs, ct);
        foreach (var problem in config.Problems)
        {
            Log.ConfigProblem(log, problem);
        }

        if (await new DropIngestion(blobs).RunAsync(name, options.Value.ToLimits(), config.Config, ct) is not { } result)
        {
            Log.Vanished(log, name);
            return;
        }

        await RunLedger.RecordAsync(tables, IngestRun.ToRecord(result, started, time.GetUtcNow()), log, ct);
        Log.Ingested(log, name, result.Accepted ? "accepted" : "rejected", result.Report?.Rows ?? 0, result.Report?.Errors.Count ?? 1, result.Report?.Warnings.Count ?? 0);
        await TellOwnerAsync(result, config.Config, ct);
    }

    /// <summary>The dataset's owner hears in the same run: the errors to fix, or a receipt. Sent once per upload.</summary>
    private async Task TellOwnerAsync(IngestResult result, ReportingConfig? config, CancellationToken ct)
    {
        if (result is not { Drop: { } drop, Report: { } report } || config?.DatasetFor(drop.Dataset)?.Owner is not { } owner)
        {
            return;
        }

        var message = OwnerEmail.For(result.BlobName, report, owner, ValidationReportWriter.ToCsv(report));
        try
        {
            await mail.DeliverAsync(drop.Period.ToString(), $"drop-{drop.Dataset.ToSlug()}-{StorageLayout.Stamp(result.UploadedAt, result.ETag)}", message, ct);
        }
        catch (MailSendException ex)
        {
            // The upload itself is safely ingested; the ledger row says RetryPending and ops see the warning.
            Log.OwnerFeedbackFailed(log, result.BlobName, ex.Message);
        }
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.Ingestion;

/// <summary>A data owner's upload to <c>drops/</c>: archive, validate, report, curate, queue the owner's email, record (DATA-CONTRACT.md sections 1-3).</summary>
public sealed class IngestDrop(BlobServiceClient blobs, DropBlobs drops, QueueServiceClient queues, TableServiceClient tables, TimeProvider time, IOptions<IngestionOptions> options, Recovery.InFlightWork work, ILogger<IngestDrop> log)
{
    [FunctionName(nameof(IngestDrop))]
    public Task Run([BlobTrigger(StorageLayout.Drops + "/{name}")] Stream upload, string name, CancellationToken ct)
    {
        // The SDK's stream is not read: the blob is downloaded through our own client so that its bytes
        // and its ETag come from one response, and a newer overwrite cannot be archived under an old name.
        _ = upload;
        return IngestAsync(name, ct);
    }

    /// <summary>
    /// The whole ingest, in the order that loses nothing: the original is archived before anything else, the report
    /// is written before the data is curated, and the owner's email is queued before the run is recorded (the run is what
    /// tells the sweep an upload is done, so a host that stops before it is followed by a second ingest, whose second
    /// message the delivery ledger sends nothing for). Every output is named from the upload's own identity and written
    /// only if absent, so running it twice for one upload (the trigger and the sweep) changes nothing.
    /// </summary>
    public async Task IngestAsync(string name, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var config = await ProgrammeConfigStore.LoadAsync(blobs, log, ct);
        await using var upload = await UploadedBlob.DownloadAsync(drops, name, ct);
        if (upload is null)
        {
            Log.Vanished(log, name);
            return;
        }

        var path = DropPath.Parse(name);
        var archive = await IngestWrites.ArchiveAsync(blobs, name, path, upload, ct);
        // Disposed of when the ingest ends: the accepted rows' pooled memory then serves the next drop.
        using var validation = path.Drop is { } drop
            ? DropValidator.Validate(drop, upload.Content, new ValidationSettings(config.Config?.Programme.Deadline, options.Value.ToLimits()) { PersonalData = PersonalDataPolicy.For(config.Config) })
            : null;
        var report = await IngestWrites.ValidationReportAsync(blobs, name, path, upload, validation?.Report, ct);
        var curated = path.Drop is { } accepted && validation?.Data is { } data
            ? await CuratedStore.SaveAsync(blobs, drops, CuratedDrop.From(accepted, upload.SourceOf(name, archive), data), ct)
            : null;

        // Every upload is answered: by its dataset's owner's feedback, or, for a dataset with no owner configured (an
        // optional return), to the programme lead.
        if (path.Drop is { } owned && validation is not null && (config.Config?.DatasetFor(owned.Dataset)?.Owner ?? config.Config?.Programme.Lead) is { } owner)
        {
            // A file of another return under this name goes to this dataset's owner, naming the other return's owner.
            var looksLikeOwner = validation.Report.LooksLike is { } other ? config.Config?.DatasetFor(other)?.Owner : null;
            var feedback = new UploadFeedback(owned.Period, owned.Dataset, owned.Format, name, upload.UploadedAt, upload.ETag, owner, looksLikeOwner);
            await OwnerMail.QueueAsync(blobs, queues, OwnerEmailRequest.For(feedback), ct, work);
        }
        else if (path.Drop is null && config.Config is { } programme)
        {
            // Answered the same run: to the owner of the dataset the name resembles, else the programme lead.
            var fallback = ReportingPeriod.Containing(DateOnly.FromDateTime(upload.UploadedAt.UtcDateTime)).Previous;
            var answer = UnrecognisedUploadEmail.For(name, programme, fallback);
            await OwnerMail.QueueAsync(blobs, queues, OwnerEmailRequest.For(UnrecognisedUploadEmail.ClosestPath(name, fallback).Path.Period, $"unrecognised-{StorageLayout.Stamp(upload.UploadedAt, upload.ETag)}", answer), ct, work);
        }

        var run = RunRow.Ingested(
            name, upload.UploadedAt, upload.ETag, curated is not null,
            path.Error?.Message ?? (curated is not null ? $"curated version {curated}" : $"{StorageLayout.Validation}/{report}"),
            validation?.Report.Rows ?? 0, validation?.Report.Errors.Count ?? 1, validation?.Report.Warnings.Count ?? 0, started, time.GetUtcNow());
        await RunLedger.RecordAsync(tables, run, log, ct);
        Log.Ingested(log, name, run.Outcome, run.Rows ?? 0, run.Errors ?? 0, run.Warnings ?? 0);
    }
}

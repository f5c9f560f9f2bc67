using Azure;
using Azure.Storage.Blobs;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Privacy;

namespace SendFunctions.Storage;

/// <summary>
/// The steps of ingesting one upload, in the order that loses nothing: archive the original first,
/// then validate, then write the report, then (only if valid) the curated data. Every write is named
/// from the upload's identity, so running it twice for the same blob changes nothing.
/// </summary>
internal sealed class DropIngestion(BlobServiceClient blobs)
{
    /// <summary>Null when the upload was deleted before it could be read: there is nothing to ingest.</summary>
    public async Task<IngestResult?> RunAsync(string name, IngestionLimits limits, ReportingConfig? config, CancellationToken ct)
    {
        DownloadedBlob upload;
        try
        {
            upload = await DownloadedBlob.DownloadAsync(blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        await using var _ = upload;
        var path = DropPath.Parse(name);
        if (path.Drop is not { } drop)
        {
            return await RejectPathAsync(name, upload, path.Error!, ct);
        }

        var archive = await BlobWrites.ContainerAsync(blobs, StorageLayout.Archive, ct);
        var archiveName = StorageLayout.ArchiveName(drop, upload.UploadedAt, upload.ETag);
        await BlobWrites.CreateIfAbsentAsync(archive, archiveName, upload.Content, ContentType(drop.Format), ct);
        upload.Content.Position = 0;

        var validation = DropValidator.Validate(drop, upload.Content, new ValidationSettings(config?.Programme.Deadline, limits) { PersonalData = PersonalDataPolicy.For(config) });
        var reports = await BlobWrites.ContainerAsync(blobs, StorageLayout.Validation, ct);
        var reportName = StorageLayout.ValidationName(drop, upload.UploadedAt, upload.ETag, "json");
        await BlobWrites.CreateIfAbsentAsync(reports, reportName, ValidationReportWriter.ToJson(validation.Report), "application/json", ct);
        await BlobWrites.CreateIfAbsentAsync(reports, StorageLayout.ValidationName(drop, upload.UploadedAt, upload.ETag, "csv"), ValidationReportWriter.ToCsv(validation.Report), "text/csv; charset=utf-8", ct);

        CuratedWrite? curated = null;
        if (validation.Data is { } data)
        {
            var source = new DropSource($"{StorageLayout.Drops}/{name}", $"{StorageLayout.Archive}/{archiveName}", StorageLayout.CleanETag(upload.ETag), upload.UploadedAt);
            curated = await CuratedStore.SaveAsync(await BlobWrites.ContainerAsync(blobs, StorageLayout.Curated, ct), drop, CuratedDrop.From(drop, source, data), ct);
        }

        return new IngestResult(name, drop, upload.UploadedAt, StorageLayout.CleanETag(upload.ETag), validation.Report, archiveName, reportName, curated);
    }

    private async Task<IngestResult> RejectPathAsync(string name, DownloadedBlob upload, ValidationIssue error, CancellationToken ct)
    {
        var archive = await BlobWrites.ContainerAsync(blobs, StorageLayout.Archive, ct);
        var archiveName = StorageLayout.UnrecognisedArchiveName(name, upload.UploadedAt, upload.ETag);
        await BlobWrites.CreateIfAbsentAsync(archive, archiveName, upload.Content, "application/octet-stream", ct);
        var reports = await BlobWrites.ContainerAsync(blobs, StorageLayout.Validation, ct);
        var reportName = StorageLayout.UnrecognisedValidationName(upload.UploadedAt, upload.ETag, "json");
        await BlobWrites.CreateIfAbsentAsync(reports, reportName, ValidationReportWriter.ToJson(name, error), "application/json", ct);
        return new IngestResult(name, null, upload.UploadedAt, StorageLayout.CleanETag(upload.ETag), null, archiveName, reportName, null) { PathError = error };
    }

    private static string ContentType(FileFormat format) => format == FileFormat.Csv
        ? "text/csv"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

internal sealed record IngestResult(
    string BlobName,
    DropPath? Drop,
    DateTimeOffset UploadedAt,
    string ETag,
    ValidationReport? Report,
    string ArchiveName,
    string ReportName,
    CuratedWrite? Curated)
{
    public ValidationIssue? PathError { get; init; }

    public bool Accepted => Report is { Valid: true };
}

using Azure.Storage.Blobs;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;

namespace SendFunctions.Ingestion;

/// <summary>The archive copy and the validation report of one upload, named from its identity and never overwritten.</summary>
internal static class IngestWrites
{
    /// <summary>Archives the original before anything else reads it; returns its name in the archive container.</summary>
    public static async Task<string> ArchiveAsync(BlobServiceClient blobs, string uploadName, DropPathResult path, UploadedBlob upload, CancellationToken ct)
    {
        var (name, contentType) = path.Drop is { } drop
            ? (StorageLayout.ArchiveName(drop, upload.UploadedAt, upload.ETag), ContentType(drop.Format))
            : (StorageLayout.UnrecognisedArchiveName(uploadName, upload.UploadedAt, upload.ETag), "application/octet-stream");
        var archive = await blobs.ContainerAsync(StorageLayout.Archive, ct);
        await archive.CreateIfAbsentAsync(name, upload.Content, contentType, ct);
        upload.Content.Position = 0;
        return name;
    }

    /// <summary>The report as JSON and as a CSV that opens in Excel (a bad path: the JSON alone); returns the JSON's name.</summary>
    public static async Task<string> ValidationReportAsync(BlobServiceClient blobs, string uploadName, DropPathResult path, UploadedBlob upload, ValidationReport? report, CancellationToken ct)
    {
        var container = await blobs.ContainerAsync(StorageLayout.Validation, ct);
        if (path.Drop is not { } drop || report is null)
        {
            var unrecognised = StorageLayout.UnrecognisedValidationName(upload.UploadedAt, upload.ETag, "json");
            await container.CreateIfAbsentAsync(unrecognised, ValidationReportWriter.ToJson(uploadName, path.Error!), "application/json", ct);
            return unrecognised;
        }

        var json = StorageLayout.ValidationName(drop, upload.UploadedAt, upload.ETag, "json");
        await container.CreateIfAbsentAsync(json, ValidationReportWriter.ToJson(report), "application/json", ct);
        await container.CreateIfAbsentAsync(StorageLayout.ValidationName(drop, upload.UploadedAt, upload.ETag, "csv"), ValidationReportWriter.ToCsv(report), "text/csv; charset=utf-8", ct);
        return json;
    }

    private static string ContentType(FileFormat format) => format == FileFormat.Csv
        ? "text/csv"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

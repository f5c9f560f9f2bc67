using Azure;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;

namespace SendFunctions.Ingestion;

/// <summary>
/// An upload copied to a temporary file (seekable, memory flat in file size), with the ETag and last-modified time of
/// exactly the bytes that were read: both come from one download response.
/// </summary>
internal sealed class UploadedBlob : IAsyncDisposable
{
    private UploadedBlob(FileStream content, string etag, DateTimeOffset uploadedAt)
    {
        Content = content;
        ETag = etag;
        UploadedAt = uploadedAt;
    }

    public FileStream Content { get; }

    public string ETag { get; }

    public DateTimeOffset UploadedAt { get; }

    /// <summary>Null when the upload was deleted before it could be read: there is nothing to ingest.</summary>
    public static async Task<UploadedBlob?> DownloadAsync(DropBlobs drops, string name, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var response = await drops.Get(name).DownloadStreamingAsync(cancellationToken: ct);
            using var download = response.Value;
            await download.Content.CopyToAsync(file, ct);
            file.Position = 0;
            return new UploadedBlob(file, download.Details.ETag.ToString(), download.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await file.DisposeAsync();
            return null;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where accepted data came from, as the curated document records it.</summary>
    public DropSource SourceOf(string name, string archiveName) =>
        new($"{StorageLayout.Drops}/{name}", $"{StorageLayout.Archive}/{archiveName}", StorageLayout.CleanETag(ETag), UploadedAt);

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

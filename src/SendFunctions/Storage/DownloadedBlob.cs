using Azure.Storage.Blobs;

namespace SendFunctions.Storage;

/// <summary>
/// A blob copied to a temporary file (seekable, memory flat in file size), with the ETag and
/// last-modified time of exactly the bytes that were read: both come from one download response.
/// </summary>
internal sealed class DownloadedBlob : IAsyncDisposable
{
    private DownloadedBlob(FileStream content, string etag, DateTimeOffset uploadedAt)
    {
        Content = content;
        ETag = etag;
        UploadedAt = uploadedAt;
    }

    public FileStream Content { get; }

    public string ETag { get; }

    public DateTimeOffset UploadedAt { get; }

    public static async Task<DownloadedBlob> DownloadAsync(BlobClient blob, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var response = await blob.DownloadStreamingAsync(cancellationToken: ct);
            using (var download = response.Value)
            {
                await download.Content.CopyToAsync(file, ct);
                file.Position = 0;
                return new DownloadedBlob(file, download.Details.ETag.ToString(), download.Details.LastModified);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SendFunctions;

/// <summary>Writes that never overwrite: the archive, validation reports, curated history and paper versions are immutable.</summary>
internal static class BlobWrites
{
    /// <summary>Uploads unless the blob already exists. Returns false when it was already there (a re-delivery).</summary>
    public static async Task<bool> CreateIfAbsentAsync(this BlobContainerClient container, string name, Stream content, string contentType, CancellationToken ct)
    {
        try
        {
            await container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public static Task<bool> CreateIfAbsentAsync(this BlobContainerClient container, string name, byte[] content, string contentType, CancellationToken ct) =>
        container.CreateIfAbsentAsync(name, new MemoryStream(content, writable: false), contentType, ct);

    /// <summary>The container, created on its first use by this process (<see cref="CreatedOnFirstUse"/>).</summary>
    public static Task<BlobContainerClient> ContainerAsync(this BlobServiceClient blobs, string name, CancellationToken ct) =>
        CreatedOnFirstUse.ContainerAsync(blobs, name, ct);
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SendFunctions.Storage;

/// <summary>Writes that never overwrite: the archive, validation history and curated history are immutable.</summary>
internal static class BlobWrites
{
    /// <summary>Uploads unless the blob already exists. Returns false when it was already there (a re-delivery).</summary>
    public static async Task<bool> CreateIfAbsentAsync(BlobContainerClient container, string name, Stream content, string contentType, CancellationToken ct)
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

    public static Task<bool> CreateIfAbsentAsync(BlobContainerClient container, string name, byte[] content, string contentType, CancellationToken ct) =>
        CreateIfAbsentAsync(container, name, new MemoryStream(content, writable: false), contentType, ct);

    public static async Task<BlobContainerClient> ContainerAsync(BlobServiceClient blobs, string name, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        return container;
    }
}

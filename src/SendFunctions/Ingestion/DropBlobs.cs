using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;

namespace SendFunctions.Ingestion;

/// <summary>
/// Uploads addressed by their exact names. The SDK's <c>GetBlobClient</c> builds a URI in which <c>.</c> and <c>..</c>
/// segments are resolved, so <c>2025-01/../x.csv</c> would be read as <c>x.csv</c>; such a name is addressed with its
/// slashes percent-encoded (<c>%2F</c>), which storage decodes back into the name and no URI resolves.
/// </summary>
public sealed class DropBlobs(BlobServiceClient blobs, TokenCredential? credential, TimeProvider time)
{
    public BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Drops);

    public BlobClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var container = Container;
        if (DropName.IsScannable(name))
        {
            return container.GetBlobClient(name);
        }

        var path = string.Join("%2F", name.Split('/').Select(Uri.EscapeDataString));
        if (credential is not null)
        {
            return new BlobClient(new Uri($"{container.Uri.AbsoluteUri}/{path}"), credential);
        }

        // A shared key (connection string): a short-lived container SAS carries the authorisation on the URI we build.
        var sas = container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Delete, time.GetUtcNow().AddMinutes(30));
        return new BlobClient(new Uri($"{sas.GetLeftPart(UriPartial.Path)}/{path}{sas.Query}"));
    }
}

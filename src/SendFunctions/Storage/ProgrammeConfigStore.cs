using Azure;
using Azure.Storage.Blobs;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Storage;

/// <summary>Reads <c>config/reporting.json</c>. Absent is a result (ingestion still runs, without owner lookups); malformed lists its problems.</summary>
internal static class ProgrammeConfigStore
{
    public static async Task<ConfigResult> LoadAsync(BlobServiceClient blobs, CancellationToken ct)
    {
        try
        {
            var content = await blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob).DownloadContentAsync(ct);
            return ReportingConfig.Parse(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new ConfigResult(null, [$"There is no {StorageLayout.Config}/{StorageLayout.ConfigBlob}: upload the programme configuration."]);
        }
    }
}

using Azure;
using Azure.Storage.Blobs;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Reports;

namespace SendFunctions.Storage;

/// <summary>Reads <c>config/reporting.json</c>. Absent is a result (ingestion still runs, without owner lookups); malformed lists its problems.</summary>
internal static class ProgrammeConfigStore
{
    public static async Task<LoadedConfig> LoadAsync(BlobServiceClient blobs, CancellationToken ct)
    {
        try
        {
            var content = await blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob).DownloadContentAsync(ct);
            var bytes = content.Value.Content.ToMemory().Span;
            return new LoadedConfig(ReportingConfig.Parse(bytes), ReportManifest.Sha256(bytes));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new LoadedConfig(new ConfigResult(null, [$"There is no {StorageLayout.Config}/{StorageLayout.ConfigBlob}: upload the programme configuration."]), null);
        }
    }
}

/// <summary>The configuration with the hash of its bytes, which report manifests record.</summary>
internal sealed record LoadedConfig(ConfigResult Result, string? Sha256)
{
    public ReportingConfig? Config => Result.Config;

    public IReadOnlyList<string> Problems => Result.Problems;
}

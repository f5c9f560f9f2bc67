using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Operations;

/// <summary>
/// Reads <c>config/reporting.json</c>. Absent is a result (ingestion still runs, without owner lookups); a malformed
/// file lists its problems, each logged as a warning.
/// </summary>
internal static class ProgrammeConfigStore
{
    /// <summary>Reads and parses the file, logging each problem as a warning (the host).</summary>
    public static async Task<LoadedConfig> LoadAsync(BlobServiceClient blobs, ILogger log, CancellationToken ct)
    {
        var loaded = await ReadAsync(blobs, ct);
        foreach (var problem in loaded.Problems)
        {
            Log.ConfigProblem(log, problem);
        }

        return loaded;
    }

    /// <summary>Reads and parses the file; its problems are in the result, not logged (sendfx, and host code that only needs a setting).</summary>
    public static async Task<LoadedConfig> ReadAsync(BlobServiceClient blobs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blobs);
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

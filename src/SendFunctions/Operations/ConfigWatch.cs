using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Storage;

namespace SendFunctions.Operations;

/// <summary>
/// <c>config/reporting.json</c> checked the moment it is uploaded: each error is logged as event 1004 (alerted), each
/// warning as 1005, with the same paths and fixes as <c>sendfx config check</c>. A broken file is not used (reports and
/// emails that need it fail and say so), so ops hear of it at upload rather than on the 6th of the month.
/// The blob trigger's container scan can miss an upload made in the second of its last scan (timestamps are whole
/// seconds), so the drop sweep's schedule also looks at the file: each version (ETag) is checked once per instance,
/// by whichever sees it first.
/// </summary>
public sealed class ConfigWatch(BlobServiceClient blobs, CheckedConfigVersion checkedVersion, ILogger<ConfigWatch> log)
{
    /// <summary>The trigger names the blob; its current version is read with its ETag (the trigger's stream has none).</summary>
    [FunctionName(nameof(ConfigUploaded))]
    public Task ConfigUploaded([BlobTrigger(StorageLayout.Config + "/" + StorageLayout.ConfigBlob)] Stream upload, CancellationToken ct)
    {
        _ = upload;
        return CheckAsync(blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob), ct);
    }

    /// <summary>The rescue under the trigger: a version of the file no check on this instance has seen yet is checked now.</summary>
    [FunctionName(nameof(ConfigSweep))]
    public async Task ConfigSweep([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var blob = blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (checkedVersion.Is(properties.Value.ETag.ToString()))
            {
                return;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return; // no file: the start-up check has said so, and every use of it says so again
        }

        await CheckAsync(blob, ct);
    }

    /// <summary>Checks the blob's current version unless this instance has checked that version already.</summary>
    public Task CheckAsync(BlobClient blob, CancellationToken ct) => CheckVersionAsync(blob, checkedVersion, log, ct);

    /// <summary>
    /// Reads the blob with its ETag and reports its findings unless <paramref name="checkedVersion"/> has that version
    /// already; false when there is no blob.
    /// </summary>
    internal static async Task<bool> CheckVersionAsync(BlobClient blob, CheckedConfigVersion checkedVersion, ILogger log, CancellationToken ct)
    {
        Response<Azure.Storage.Blobs.Models.BlobDownloadResult> download;
        try
        {
            download = await blob.DownloadContentAsync(ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }

        if (checkedVersion.TryClaim(download.Value.Details.ETag.ToString()))
        {
            Report(log, ReportingConfig.Parse(download.Value.Content.ToMemory().Span));
        }

        return true;
    }

    internal static void Report(ILogger log, ConfigResult result)
    {
        foreach (var finding in result.Findings ?? [])
        {
            if (finding.Severity == ConfigSeverity.Error)
            {
                Log.ConfigInvalid(log, finding.Path, finding.Text);
            }
            else
            {
                Log.ConfigWarning(log, finding.Path, finding.Text);
            }
        }
    }
}

/// <summary>The version (ETag) of <c>config/reporting.json</c> this instance last checked, so the trigger, the sweep and the start-up check each report a version once.</summary>
public sealed class CheckedConfigVersion
{
    private string? etag;

    public bool Is(string version) => string.Equals(Volatile.Read(ref etag), version, StringComparison.Ordinal);

    /// <summary>True for the caller that first claims <paramref name="version"/>; false if it is already the checked one.</summary>
    public bool TryClaim(string version)
    {
        while (true)
        {
            var seen = Volatile.Read(ref etag);
            if (string.Equals(seen, version, StringComparison.Ordinal))
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref etag, version, seen), seen))
            {
                return true;
            }
        }
    }
}

/// <summary>The same check once at start, so a host started on a broken (or absent) configuration says so at once.</summary>
internal sealed class ConfigStartupCheck(BlobServiceClient blobs, CheckedConfigVersion checkedVersion, ILogger<ConfigWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await ConfigWatch.CheckVersionAsync(blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob), checkedVersion, log, stoppingToken))
            {
                Log.ConfigInvalid(log, "$", $"There is no {StorageLayout.Config}/{StorageLayout.ConfigBlob}: upload the programme configuration (sendfx config check it first).");
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            // Storage unreachable at start: the upload trigger, the sweep and every load check it again; the host must not stop for this.
            Log.ConfigUncheckable(log, ex.Message);
        }
    }
}

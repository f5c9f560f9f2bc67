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
/// </summary>
public sealed class ConfigWatch(ILogger<ConfigWatch> log)
{
    [FunctionName(nameof(ConfigUploaded))]
    public async Task ConfigUploaded([BlobTrigger(StorageLayout.Config + "/" + StorageLayout.ConfigBlob)] Stream upload, CancellationToken ct)
    {
        using var content = new MemoryStream();
        await upload.CopyToAsync(content, ct);
        Report(log, ReportingConfig.Parse(content.ToArray()));
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

/// <summary>The same check once at start, so a host started on a broken (or absent) configuration says so at once.</summary>
internal sealed class ConfigStartupCheck(BlobServiceClient blobs, ILogger<ConfigWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var content = await blobs.GetBlobContainerClient(StorageLayout.Config).GetBlobClient(StorageLayout.ConfigBlob).DownloadContentAsync(stoppingToken);
            ConfigWatch.Report(log, ReportingConfig.Parse(content.Value.Content.ToMemory().Span));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            Log.ConfigInvalid(log, "$", $"There is no {StorageLayout.Config}/{StorageLayout.ConfigBlob}: upload the programme configuration (sendfx config check it first).");
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            // Storage unreachable at start: the upload trigger and every load check it again; the host must not stop for this.
            Log.ConfigUncheckable(log, ex.Message);
        }
    }
}

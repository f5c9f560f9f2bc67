using System.CommandLine;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx resend --period P --report KIND</c>: the deliberate exception to send-once. Queues the latest version
/// of the paper again under a new delivery key, so the ledger records it as a resend, apart from the first send.
/// </summary>
internal static class ResendCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var report = new Option<string>("--report") { Description = "The report kind.", Required = true };
        var connection = Connection.Option();
        var command = new Command("resend", "Send the latest version of a paper to its distribution list again.") { period, report, connection };
        command.SetAction(async (result, ct) =>
        {
            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month) || !ReportKinds.TryParse(result.GetValue(report), out var kind))
            {
                await error.WriteLineAsync("Give --period yyyy-MM and --report with one of: " + string.Join(", ", ReportKinds.All.Select(k => k.ToSlug())));
                return SendfxApp.Usage;
            }

            var cs = Connection.Resolve(result.GetValue(connection));
            var reports = new BlobServiceClient(cs).GetBlobContainerClient(StorageLayout.Reports);
            ReportManifest? latest = null;
            await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{month}/{kind.ToSlug()}/v", ct))
            {
                if (blob.Name.EndsWith("/" + ReportManifest.FileName, StringComparison.Ordinal))
                {
                    var manifest = ReportManifest.FromJson((await reports.GetBlobClient(blob.Name).DownloadContentAsync(ct)).Value.Content.ToMemory().Span);
                    latest = latest is null || manifest.Version > latest.Version ? manifest : latest;
                }
            }

            if (latest is null)
            {
                await error.WriteLineAsync($"There is no {kind.ToSlug()} paper for {month} yet.");
                return SendfxApp.Failed;
            }

            var summary = latest.Summary;
            var request = new EmailRequest(
                latest.Period, latest.Report, latest.Version,
                $"{StorageLayout.Reports}/{month}/{kind.ToSlug()}/v{latest.Version}/{latest.Files[0].Name}",
                latest.Title ?? $"{kind.ToSlug()}: {month.ToLongName()}",
                [Narrative.Milestones(new StatusCounts(summary.Milestones, summary.Complete, summary.OnTrack, summary.Delayed, summary.AtRisk))],
                Resend: TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            var queue = new QueueServiceClient(cs, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(EmailRequest.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await queue.SendMessageAsync(request.ToJson(), ct);
            await output.WriteLineAsync($"Queued a resend of {kind.ToSlug()} v{latest.Version} for {month} (delivery {request.DeliveryKey}).");
            return SendfxApp.Ok;
        });
        return command;
    }
}

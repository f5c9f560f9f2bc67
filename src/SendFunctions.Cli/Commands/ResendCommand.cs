using System.CommandLine;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Reporting;

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
            var (latest, _) = await ReportStore.LatestAsync(new BlobServiceClient(cs).GetBlobContainerClient(StorageLayout.Reports), month, kind, ct);
            if (latest is null)
            {
                await error.WriteLineAsync($"There is no {kind.ToSlug()} paper for {month} yet.");
                return SendfxApp.Failed;
            }

            if (latest.Findings is { Count: > 0 } findings)
            {
                await error.WriteLineAsync($"{kind.ToSlug()} v{latest.Version} for {month} failed {findings.Count} run-time check(s) and is not sent: {string.Join("; ", findings)}. Fix the cause and request the paper again.");
                return SendfxApp.Failed;
            }

            var request = new EmailRequest(
                latest.Paper, latest.Files[0].Name, latest.Title ?? month.ToLongName(), latest.Highlights, latest.Attention,
                Resend: TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), Covers: latest.Covers);
            var queue = new QueueServiceClient(cs, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(EmailRequest.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await queue.SendMessageAsync(request.ToJson(), ct);
            await output.WriteLineAsync($"Queued a resend of {kind.ToSlug()} v{latest.Version} for {month} (delivery {request.DeliveryKey}).");
            return SendfxApp.Ok;
        });
        return command;
    }
}

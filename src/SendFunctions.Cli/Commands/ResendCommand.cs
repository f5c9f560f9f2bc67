using System.CommandLine;
using System.Globalization;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Reporting;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx resend --period P --report KIND --reason TEXT</c>: the deliberate exception to send-once. Queues the latest
/// version of the paper again under a new delivery key, so the ledger records it as a resend, apart from the first send,
/// with its reason; the email carries the original's summary and says it is a resend and why.
/// </summary>
internal static class ResendCommand
{
    private const int MaxReasonLength = 300;

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var report = new Option<string>("--report") { Description = "The report kind.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is sent again (said in the email and kept in the delivery ledger), e.g. \"the clerk's mailbox was full\".", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Send without asking for confirmation (for scripts)." };
        var storage = new StorageAccount();
        var command = new Command("resend", "Send the latest version of a paper to its distribution list again (asks first unless --yes).") { period, report, reason, yes };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month) || !ReportKinds.TryParse(result.GetValue(report), out var kind))
            {
                await error.WriteLineAsync("Give --period yyyy-MM and --report with one of: " + string.Join(", ", ReportKinds.All.Select(k => k.ToSlug())));
                return SendfxApp.Usage;
            }

            var why = result.GetValue(reason)?.Trim();
            if (string.IsNullOrEmpty(why) || why.Length > MaxReasonLength)
            {
                await error.WriteLineAsync($"Give --reason: why the paper is sent again, in at most {MaxReasonLength} characters. It is said in the email.");
                return SendfxApp.Usage;
            }

            var (latest, _) = await ReportStore.LatestAsync(clients.Blobs.GetBlobContainerClient(StorageLayout.Reports), month, kind, ct);
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

            if (!result.GetValue(yes))
            {
                await output.WriteAsync($"This emails {kind.ToSlug()} v{latest.Version} for {month} to its whole distribution list again, saying why (\"{why}\"). Type 'yes' to send: ");
                await output.FlushAsync(ct);
                if (!string.Equals((await input.ReadLineAsync(ct))?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync();
                    await error.WriteLineAsync("Nothing was sent (not confirmed; give --yes to send without asking).");
                    return SendfxApp.Failed;
                }
            }

            var request = EmailRequest.For(latest) with
            {
                Resend = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
                ResendReason = why,
            };
            var queue = clients.Queues.GetQueueClient(EmailRequest.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await queue.SendMessageAsync(request.ToJson(), ct);
            await output.WriteLineAsync($"Queued a resend of {kind.ToSlug()} v{latest.Version} for {month} (delivery {request.DeliveryKey}).");
            return SendfxApp.Ok;
        }));
        return command;
    }
}

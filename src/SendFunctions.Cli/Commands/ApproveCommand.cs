using System.CommandLine;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Reporting;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx approve --period P --report KIND [--version N] [--by NAME] [--yes]</c>: sign a committee paper version off (default
/// the latest), which sends it to its distribution list. Asks first unless --yes. The same record as the approve link.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month the paper is filed under, yyyy-MM.", Required = true };
        var report = new Option<string>("--report") { Description = "The report kind, such as hwb-board.", Required = true };
        var version = new Option<int?>("--version") { Description = "The paper version (default: the latest)." };
        var by = new Option<string?>("--by") { Description = "Who is signing it off (default: your user name)." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        var storage = new StorageAccount();
        var command = new Command("approve", "Sign a committee paper off so that it goes to its distribution list (asks first unless --yes).") { period, report, version, by, yes };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month))
            {
                await error.WriteLineAsync($"--period '{result.GetValue(period)}' is not a month written yyyy-MM.");
                return SendfxApp.Usage;
            }

            if (!ReportKinds.TryParse(result.GetValue(report), out var kind))
            {
                await error.WriteLineAsync($"--report '{result.GetValue(report)}' is not a report kind ({string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}).");
                return SendfxApp.Usage;
            }

            var blobs = clients.Blobs;
            var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
            var paper = result.GetValue(version) is { } n ? new PaperVersion(month, kind, n) : (await ReportStore.LatestAsync(reports, month, kind, ct)).Latest?.Paper;
            if (paper is not { } chosen)
            {
                await error.WriteLineAsync($"There is no {kind.ToSlug()} paper for {month} yet.");
                return SendfxApp.Failed;
            }

            if (!result.GetValue(yes))
            {
                await output.WriteAsync($"Sign off {chosen} and send it to its distribution list? [y/N] ");
                await output.FlushAsync(ct);
                var answer = (await input.ReadLineAsync(ct))?.Trim();
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await error.WriteLineAsync("Not signed off.");
                    return SendfxApp.Failed;
                }
            }

            var who = result.GetValue(by) is { Length: > 0 } name ? name : Environment.UserName;
            var outcome = await SignOffStore.ApproveAsync(blobs, clients.Queues, clients.Tables, new SignOff(chosen, who, TimeProvider.System.GetUtcNow(), SignOffMethod.Cli), ct);
            switch (outcome)
            {
                case ApprovalOutcome.SignedOff:
                    await output.WriteLineAsync($"Signed off {chosen} by {who}; queued for its distribution list.");
                    return SendfxApp.Ok;
                case ApprovalOutcome.SignedOffNotReissued:
                    await output.WriteLineAsync($"Signed off {chosen} by {who}; not sent: an earlier version already went to the list and reissueOnCorrection is false.");
                    return SendfxApp.Ok;
                case ApprovalOutcome.Superseded:
                    await error.WriteLineAsync($"{chosen} is not the latest version of the paper; approve the latest (omit --version).");
                    return SendfxApp.Failed;
                case ApprovalOutcome.AlreadySignedOff:
                    var earlier = await SignOffStore.ReadAsync(reports, chosen, ct);
                    await error.WriteLineAsync($"{chosen} is already {earlier?.Describe(TimeZoneInfo.ConvertTime(earlier.At, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))) ?? "signed off"}; nothing changed.");
                    return SendfxApp.Failed;
                case ApprovalOutcome.FailedChecks:
                    await error.WriteLineAsync($"{chosen} failed its run-time checks and cannot be distributed. Fix the cause and request the paper again.");
                    return SendfxApp.Failed;
                default:
                    await error.WriteLineAsync($"There is no {chosen}.");
                    return SendfxApp.Failed;
            }
        }));
        return command;
    }
}

using System.CommandLine;
using Azure.Storage.Blobs;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx papers --period P --out DIR</c>: download the latest complete version of each of a period's papers, as a clerk
/// receives them, with each committee paper's sign-off: who, when and how, or awaiting sign-off; whether it is a revision
/// (and, if approved, whether it went to the list); and data accepted since it was made that it does not include (a
/// correction after the meeting, which the cycle no longer acts on).
/// </summary>
internal static class PapersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to save the papers.", Required = true };
        var storage = new StorageAccount();
        var command = new Command("papers", "Download the latest version of every paper for a period.") { period, outDir };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month))
            {
                await error.WriteLineAsync($"--period '{result.GetValue(period)}' is not a month written yyyy-MM.");
                return SendfxApp.Usage;
            }

            var reports = clients.Blobs.GetBlobContainerClient(StorageLayout.Reports);
            var signed = await SignedOffKindsAsync(clients.Blobs, ct);
            var target = result.GetValue(outDir)!;
            var saved = 0;
            foreach (var kind in ReportKinds.All)
            {
                if ((await ReportStore.LatestAsync(reports, month, kind, ct)).Latest is not { } latest)
                {
                    continue;
                }

                target.Create();
                var path = Path.Combine(target.FullName, latest.Files[0].Name);
                await reports.GetBlobClient(latest.DocumentBlob).DownloadToAsync(path, ct);
                var signOff = await SignOffStore.ReadAsync(reports, latest.Paper, ct);
                var state = signOff is not null ? $" ({signOff.Describe(TimeZoneInfo.ConvertTime(signOff.At, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")))})" : signed.Contains(kind) || latest.Covers is not null ? " (awaiting sign-off)" : string.Empty;
                await output.WriteLineAsync($"{kind.ToSlug()} v{latest.Version}: {path}{state}");
                if (latest.Revision is { } revision)
                {
                    await output.WriteLineAsync($"  {revision.Headline}");
                }

                await LaterDataAsync(clients.Blobs, latest, output, ct);
                saved++;
            }

            if (saved == 0)
            {
                await error.WriteLineAsync($"No papers yet for {month}.");
                return SendfxApp.Failed;
            }

            return SendfxApp.Ok;
        }));
        return command;
    }

    /// <summary>A committee paper's data accepted since the version was made: the cycle makes a new version until the meeting, ops after it.</summary>
    private static async Task LaterDataAsync(BlobServiceClient blobs, ReportManifest latest, TextWriter output, CancellationToken ct)
    {
        if (latest.Covers is not { } covers)
        {
            return;
        }

        var now = await PaperRevisions.InputsNowAsync(blobs, latest.Period, new PaperCover(covers, latest.Meeting), ct);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        foreach (var change in InputChange.Between(latest.Inputs, now))
        {
            await output.WriteLineAsync($"  not in this version: {change.Describe(london)}");
        }
    }

    /// <summary>The kinds with a committee calendar in the account's reporting.json: their papers go out only once signed off.</summary>
    private static async Task<IReadOnlySet<ReportKind>> SignedOffKindsAsync(BlobServiceClient blobs, CancellationToken ct)
    {
        var config = (await ProgrammeConfigStore.ReadAsync(blobs, ct)).Config;
        return config is null ? new HashSet<ReportKind>() : SendFunctions.Core.Calendar.ReportCalendar.Resolve(config).Calendars.Select(c => c.Kind).ToHashSet();
    }
}

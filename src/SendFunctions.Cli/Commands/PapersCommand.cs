using System.CommandLine;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Reporting;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx papers --period P --out DIR</c>: download the latest complete version of each of a period's papers, as a clerk receives them.</summary>
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
                await output.WriteLineAsync($"{kind.ToSlug()} v{latest.Version}: {path}");
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
}

using System.CommandLine;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx papers --period P --out DIR</c>: download the latest version of each of a period's papers, as a clerk receives them.</summary>
internal static class PapersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to save the papers.", Required = true };
        var connection = Connection.Option();
        var command = new Command("papers", "Download the latest version of every paper for a period.") { period, outDir, connection };
        command.SetAction(async (result, ct) =>
        {
            var reports = new BlobServiceClient(Connection.Resolve(result.GetValue(connection))).GetBlobContainerClient(StorageLayout.Reports);
            var latest = new Dictionary<string, (int Version, string Name)>();
            if (await reports.ExistsAsync(ct))
            {
                await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{result.GetValue(period)}/", ct))
                {
                    var parts = blob.Name.Split('/');
                    if (parts.Length == 4 && parts[3].EndsWith(".docx", StringComparison.Ordinal) && int.TryParse(parts[2].TrimStart('v'), out var version)
                        && (!latest.TryGetValue(parts[1], out var seen) || seen.Version < version))
                    {
                        latest[parts[1]] = (version, blob.Name);
                    }
                }
            }

            if (latest.Count == 0)
            {
                await error.WriteLineAsync($"No papers yet for {result.GetValue(period)}.");
                return SendfxApp.Failed;
            }

            var target = result.GetValue(outDir)!;
            target.Create();
            foreach (var (kind, (version, name)) in latest.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var path = Path.Combine(target.FullName, Path.GetFileName(name));
                await reports.GetBlobClient(name).DownloadToAsync(path, ct);
                await output.WriteLineAsync($"{kind} v{version}: {path}");
            }

            return SendfxApp.Ok;
        });
        return command;
    }
}

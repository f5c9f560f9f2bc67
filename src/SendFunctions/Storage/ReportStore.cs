using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Reports;

namespace SendFunctions.Storage;

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/</c>: the paper, then its manifest (a version is complete once its manifest
/// exists). Nothing is overwritten: a new version takes the next free number, and a request whose inputs
/// match the latest version's fingerprint reuses that version.
/// </summary>
internal static class ReportStore
{
    public static async Task<(ReportManifest Manifest, string PaperBlob, bool Created)> SaveAsync(
        BlobContainerClient reports, string period, RenderedReport paper, Func<int, ReportManifest> manifestFor, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (latest, highest) = await LatestAsync(reports, period, paper.Kind, ct);
            var candidate = manifestFor(highest + 1);
            if (latest is not null && latest.Fingerprint == candidate.Fingerprint)
            {
                return (latest, PaperName(period, paper.Kind, latest.Version, latest.Files[0].Name), false);
            }

            var folder = Folder(period, paper.Kind, candidate.Version);
            var paperName = $"{folder}/{paper.FileName}";
            if (await BlobWrites.CreateIfAbsentAsync(reports, paperName, paper.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ct)
                && await BlobWrites.CreateIfAbsentAsync(reports, $"{folder}/{ReportManifest.FileName}", candidate.ToJson(), "application/json", ct))
            {
                return (candidate, paperName, true);
            }

            // Another instance took this version number first: look again.
        }

        throw new InvalidOperationException($"Could not claim a version for {period}/{paper.Kind.ToSlug()} after five attempts.");
    }

    /// <summary>The newest complete version's manifest, and the highest version number in use (complete or not).</summary>
    public static async Task<(ReportManifest? Latest, int Highest)> LatestAsync(BlobContainerClient reports, string period, ReportKind kind, CancellationToken ct)
    {
        var prefix = $"{period}/{kind.ToSlug()}/v";
        var highest = 0;
        var complete = new List<int>();
        await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
        {
            var rest = blob.Name[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || !int.TryParse(rest[..slash], out var version))
            {
                continue;
            }

            highest = Math.Max(highest, version);
            if (rest[(slash + 1)..] == ReportManifest.FileName)
            {
                complete.Add(version);
            }
        }

        if (complete.Count == 0)
        {
            return (null, highest);
        }

        var latest = complete.Max();
        var content = await reports.GetBlobClient($"{Folder(period, kind, latest)}/{ReportManifest.FileName}").DownloadContentAsync(ct);
        return (ReportManifest.FromJson(content.Value.Content.ToMemory().Span), highest);
    }

    public static string Folder(string period, ReportKind kind, int version) => $"{period}/{kind.ToSlug()}/v{version}";

    public static string PaperName(string period, ReportKind kind, int version, string file) => $"{Folder(period, kind, version)}/{file}";
}

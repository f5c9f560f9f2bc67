using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Reporting;

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/</c>: the paper, then its manifest (a version is complete once its manifest
/// exists). Nothing is overwritten: a new version takes the next free number, and a request whose inputs
/// match the latest version's fingerprint reuses that version. Used by the function app and by sendfx.
/// </summary>
public static class ReportStore
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Stores the paper as a new version, or returns the latest version when its fingerprint is the same.</summary>
    internal static async Task<(ReportManifest Manifest, bool Created)> SaveAsync(
        BlobServiceClient blobs, ReportingPeriod period, RenderedReport paper, Func<int, ReportManifest> manifestFor, CancellationToken ct)
    {
        var reports = await blobs.ContainerAsync(StorageLayout.Reports, ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (latest, highest) = await LatestAsync(reports, period, paper.Kind, ct);
            var candidate = manifestFor(highest + 1);
            if (latest is not null && latest.Fingerprint == candidate.Fingerprint)
            {
                return (latest, false);
            }

            if (await reports.CreateIfAbsentAsync(candidate.Paper.DocumentName(paper.FileName), paper.Content, DocxContentType, ct)
                && await reports.CreateIfAbsentAsync(candidate.Paper.ManifestName, candidate.ToJson(), "application/json", ct))
            {
                return (candidate, true);
            }

            // Another instance took this version number first: look again.
        }

        throw new InvalidOperationException($"Could not claim a version for {period} {paper.Kind.ToSlug()} after five attempts.");
    }

    /// <summary>The newest complete version's manifest, and the highest version number in use (complete or not).</summary>
    public static async Task<(ReportManifest? Latest, int Highest)> LatestAsync(BlobContainerClient reports, ReportingPeriod period, ReportKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var highest = 0;
        PaperVersion? latest = null;
        if (!await reports.ExistsAsync(ct))
        {
            return (null, 0);
        }

        await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, PaperVersion.Prefix(period, kind), ct))
        {
            if (!PaperVersion.TryParse(blob.Name, out var version, out var file))
            {
                continue;
            }

            highest = Math.Max(highest, version.Version);
            if (file == ReportManifest.FileName && (latest is null || version.Version > latest.Value.Version))
            {
                latest = version;
            }
        }

        return latest is { } found ? (await ReadManifestAsync(reports, found, ct), highest) : (null, highest);
    }

    public static async Task<ReportManifest> ReadManifestAsync(BlobContainerClient reports, PaperVersion version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var content = await reports.GetBlobClient(version.ManifestName).DownloadContentAsync(ct);
        return ReportManifest.FromJson(content.Value.Content.ToMemory().Span);
    }
}

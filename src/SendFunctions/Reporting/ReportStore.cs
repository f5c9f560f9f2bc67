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

    /// <summary>How long one instance may hold a period's paper of one kind while it decides and writes a version.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Stores the paper as the next version, or returns the latest complete version when its fingerprint is the same.
    /// Deciding and writing is one step: it happens under a lease on <c>{period}/{kind}/.lock</c>, so racing requests for
    /// the same inputs make one version, and the others reuse it. A version is complete once its manifest exists, and
    /// the manifest is written last: a crash before it leaves a document that no manifest, email or reader refers to,
    /// and the next request writes that same version number again (no gap, nothing skipped).
    /// </summary>
    internal static async Task<(ReportManifest Manifest, bool Created)> SaveAsync(
        BlobServiceClient blobs, ReportingPeriod period, RenderedReport paper, Func<int, ReportManifest> manifestFor, TimeProvider time, CancellationToken ct)
    {
        var reports = await blobs.ContainerAsync(StorageLayout.Reports, ct);
        await using var hold = await PaperLock.AcquireAsync(reports, PaperVersion.LockName(period, paper.Kind), LeaseDuration, time, ct);
        var (latest, _) = await LatestAsync(reports, period, paper.Kind, ct);
        var candidate = manifestFor((latest?.Version ?? 0) + 1);
        if (latest is not null && latest.Fingerprint == candidate.Fingerprint)
        {
            return (latest, false);
        }

        var document = reports.GetBlobClient(candidate.Paper.DocumentName(paper.FileName));
        await document.UploadAsync(new BinaryData(paper.Content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = DocxContentType } }, ct);
        if (!await reports.CreateIfAbsentAsync(candidate.Paper.ManifestName, candidate.ToJson(), "application/json", ct))
        {
            throw new InvalidOperationException($"{candidate.Paper} was completed by another instance while this one held its lease; the request will be retried.");
        }

        return (candidate, true);
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

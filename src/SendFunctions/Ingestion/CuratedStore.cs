using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Storage;

namespace SendFunctions.Ingestion;

/// <summary>
/// Accepted data: <c>curated/{period}/{dataset}.json</c> is the current version; every version is also kept
/// under <c>curated/{period}/{dataset}/{stamp}.json</c>. A later upload supersedes an earlier one; an older
/// upload processed late (or re-delivered) never replaces a newer current version: newer as storage recorded the uploads.
/// </summary>
internal static class CuratedStore
{
    /// <summary>Saves a version and makes it current unless a newer upload already is; returns the version's name.</summary>
    public static async Task<string> SaveAsync(BlobServiceClient blobs, DropBlobs drops, CuratedDrop data, CancellationToken ct)
    {
        var curated = await blobs.ContainerAsync(StorageLayout.Curated, ct);
        var json = data.ToJson();
        var historyName = StorageLayout.CuratedHistoryName(data.Period, data.Dataset, data.Source.UploadedAt, data.Source.ETag);
        await curated.CreateIfAbsentAsync(historyName, json, "application/json", ct);

        var current = curated.GetBlobClient(StorageLayout.CuratedName(data.Period, data.Dataset));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (existing, etag) = await ReadAsync(current, ct);
            if (existing is not null && !await ReplacesAsync(drops, existing.Source, data.Source, ct))
            {
                return historyName;
            }

            try
            {
                var conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All };
                await current.UploadAsync(new BinaryData(json), new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, ct);
                return historyName;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance wrote the current version meanwhile: read it again and compare.
            }
        }

        throw new InvalidOperationException($"Could not update {current.Name}: it kept changing under concurrent writes.");
    }

    /// <summary>The current accepted drops of every period up to <paramref name="upTo"/>.</summary>
    public static async Task<IReadOnlyList<CuratedDrop>> CurrentUpToAsync(BlobServiceClient blobs, ReportingPeriod upTo, CancellationToken ct)
    {
        var curated = blobs.GetBlobContainerClient(StorageLayout.Curated);
        var drops = new List<CuratedDrop>();
        if (!await curated.ExistsAsync(ct))
        {
            return drops;
        }

        await foreach (var blob in curated.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            if (StorageLayout.TryParseCuratedName(blob.Name, out var period, out _) && period <= upTo
                && (await ReadAsync(curated.GetBlobClient(blob.Name), ct)).Data is { } data)
            {
                drops.Add(data);
            }
        }

        return drops;
    }

    /// <summary>The datasets accepted for a period (those with a current curated version).</summary>
    public static async Task<IReadOnlySet<Dataset>> AcceptedAsync(BlobServiceClient blobs, ReportingPeriod period, CancellationToken ct)
    {
        var curated = blobs.GetBlobContainerClient(StorageLayout.Curated);
        var accepted = new HashSet<Dataset>();
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            if (await curated.GetBlobClient(StorageLayout.CuratedName(period, dataset)).ExistsAsync(ct))
            {
                accepted.Add(dataset);
            }
        }

        return accepted;
    }

    /// <summary>The current accepted version of one dataset for a period; null when none has been accepted.</summary>
    public static async Task<CuratedDrop?> CurrentAsync(BlobServiceClient blobs, ReportingPeriod period, Dataset dataset, CancellationToken ct) =>
        (await ReadAsync(blobs.GetBlobContainerClient(StorageLayout.Curated).GetBlobClient(StorageLayout.CuratedName(period, dataset)), ct)).Data;

    /// <summary>Storage's upload times decide (<see cref="Supersession"/>); only for two uploads in one second is it asked which is still in drops.</summary>
    private static async Task<bool> ReplacesAsync(DropBlobs drops, DropSource current, DropSource incoming, CancellationToken ct) =>
        !Supersession.SameSecond(current, incoming)
            ? Supersession.Replaces(current, false, incoming, false)
            : Supersession.Replaces(current, await StillInDropsAsync(drops, current, ct), incoming, await StillInDropsAsync(drops, incoming, ct));

    private static async Task<bool> StillInDropsAsync(DropBlobs drops, DropSource source, CancellationToken ct)
    {
        try
        {
            var name = source.Blob[(StorageLayout.Drops.Length + 1)..];
            var properties = await drops.Get(name).GetPropertiesAsync(cancellationToken: ct);
            return StorageLayout.CleanETag(properties.Value.ETag.ToString()) == StorageLayout.CleanETag(source.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private static async Task<(CuratedDrop? Data, ETag? ETag)> ReadAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            var content = await blob.DownloadContentAsync(ct);
            return (CuratedDrop.FromJson(content.Value.Content.ToMemory().Span), content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, null);
        }
    }
}

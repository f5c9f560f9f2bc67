using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Storage;

/// <summary>
/// Accepted data: <c>curated/{period}/{dataset}.json</c> is the current version; every version is also kept
/// under <c>curated/{period}/{dataset}/{stamp}.json</c>. A later upload supersedes an earlier one; an older
/// upload processed late (or re-delivered) never replaces a newer current version.
/// </summary>
internal static class CuratedStore
{
    public static async Task<CuratedWrite> SaveAsync(BlobContainerClient curated, DropPath drop, CuratedDrop data, CancellationToken ct)
    {
        var json = data.ToJson();
        var historyName = StorageLayout.CuratedHistoryName(drop, data.Source.UploadedAt, data.Source.ETag);
        var newVersion = await BlobWrites.CreateIfAbsentAsync(curated, historyName, json, "application/json", ct);

        var current = curated.GetBlobClient(StorageLayout.CuratedName(drop.Period, drop.Dataset));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (existing, etag) = await ReadAsync(current, ct);
            if (existing is not null && existing.Source.UploadedAt >= data.Source.UploadedAt)
            {
                return new CuratedWrite(historyName, newVersion);
            }

            try
            {
                var conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All };
                await current.UploadAsync(new BinaryData(json), new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, ct);
                return new CuratedWrite(historyName, newVersion);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance wrote the current version meanwhile: read it again and compare.
            }
        }

        throw new InvalidOperationException($"Could not update {current.Name}: it kept changing under concurrent writes.");
    }

    public static async Task<(CuratedDrop? Data, ETag? ETag)> ReadAsync(BlobClient blob, CancellationToken ct)
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

/// <summary>The current accepted drops of every period up to one, as the status engine takes them.</summary>
internal static class AcceptedStore
{
    public static async Task<IReadOnlyList<CuratedDrop>> LoadAsync(BlobContainerClient curated, Core.Periods.ReportingPeriod upTo, CancellationToken ct)
    {
        var drops = new List<CuratedDrop>();
        if (!await curated.ExistsAsync(ct))
        {
            return drops;
        }

        await foreach (var blob in curated.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            // Current versions only: {period}/{dataset}.json, not the history beneath {period}/{dataset}/.
            var parts = blob.Name.Split('/');
            if (parts.Length != 2 || !Core.Periods.ReportingPeriod.TryParse(parts[0], out var period) || period > upTo)
            {
                continue;
            }

            var (data, _) = await CuratedStore.ReadAsync(curated.GetBlobClient(blob.Name), ct);
            if (data is not null)
            {
                drops.Add(data);
            }
        }

        return drops;
    }
}

internal sealed record CuratedWrite(string HistoryName, bool NewVersion);

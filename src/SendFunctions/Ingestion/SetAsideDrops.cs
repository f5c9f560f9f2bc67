using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Display;

namespace SendFunctions.Ingestion;

/// <summary>
/// Moves uploads whose names the blob trigger cannot process (<see cref="DropName.IsScannable"/>) to
/// <c>drops/_set-aside/{stamp}/{exact name, encoded}</c>, where the trigger ingests and answers them as unrecognised
/// uploads. A name such as <c>../../x.csv</c> makes the SDK's container scan throw, stopping the host on every start, so
/// this runs before each host starts and on every sweep. The original is deleted only if it is still the version copied.
/// </summary>
internal static class SetAsideDrops
{
    /// <summary>Before a host starts: a storage outage here is left to the host, which recovers from one by itself.</summary>
    public static async Task BeforeStartAsync(DropBlobs drops, ILogger log, CancellationToken ct)
    {
        try
        {
            await MoveAsync(drops, log, ct);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            Log.SetAsideCheckFailed(log, ex.Message);
        }
    }

    public static async Task<int> MoveAsync(DropBlobs drops, ILogger log, CancellationToken ct)
    {
        var container = drops.Container;
        if (!await container.ExistsAsync(ct))
        {
            return 0;
        }

        var moved = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            if (DropName.IsScannable(blob.Name) || blob.Properties.LastModified is not { } modified || blob.Properties.ETag is not { } etag)
            {
                continue;
            }

            var aside = DropName.SetAsideName(blob.Name, StorageLayout.Stamp(modified, etag.ToString()));
            var source = drops.Get(blob.Name);
            try
            {
                var conditions = new BlobRequestConditions { IfMatch = etag };
                using (var download = (await source.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, ct)).Value)
                {
                    await container.CreateIfAbsentAsync(aside, download.Content, download.Details.ContentType ?? "application/octet-stream", ct);
                }

                await source.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                continue; // moved by another instance, or overwritten meanwhile: a new version is set aside on the next pass
            }

            Log.SetAside(log, Printable.Of(blob.Name), aside);
            moved++;
        }

        return moved;
    }
}

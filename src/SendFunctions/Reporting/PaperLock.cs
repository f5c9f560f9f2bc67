using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace SendFunctions.Reporting;

/// <summary>
/// A blob lease held while one instance decides and writes a paper version. The lease expires by itself if the
/// holder dies, so a crash never blocks the next request for longer than the lease's duration.
/// </summary>
internal sealed class PaperLock : IAsyncDisposable
{
    private readonly BlobLeaseClient lease;

    private PaperLock(BlobLeaseClient lease) => this.lease = lease;

    /// <summary>Waits (polling, up to twice the lease's duration) for the lease on the blob <paramref name="name"/>.</summary>
    public static async Task<PaperLock> AcquireAsync(BlobContainerClient reports, string name, TimeSpan duration, TimeProvider time, CancellationToken ct)
    {
        var blob = reports.GetBlobClient(name);
        await reports.CreateIfAbsentAsync(blob.Name, [], "application/octet-stream", ct);
        var lease = blob.GetBlobLeaseClient();
        var giveUp = time.GetUtcNow() + duration + duration;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(duration, cancellationToken: ct);
                return new PaperLock(lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && time.GetUtcNow() < giveUp)
            {
                // Another instance is making this paper's version: wait for it, then see what it made.
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lease had expired (and may be someone else's now): nothing of ours to release.
        }
    }
}

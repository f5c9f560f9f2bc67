using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;
using SendFunctions.Functions;

namespace SendFunctions.Storage;

/// <summary>Uploads in <c>drops/</c> that have no ingest run recorded for their current version.</summary>
internal static class DropSweep
{
    public static async Task<IReadOnlyList<string>> FindUnrecordedAsync(BlobServiceClient blobs, TableServiceClient tables, CancellationToken ct)
    {
        var drops = blobs.GetBlobContainerClient(StorageLayout.Drops);
        if (!await drops.ExistsAsync(ct))
        {
            return [];
        }

        var runs = tables.GetTableClient(StorageLayout.RunsTable);
        await runs.CreateIfNotExistsAsync(ct);
        var missing = new List<string>();
        await foreach (var blob in drops.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, ct))
        {
            var (partition, rowKey) = IngestRun.KeyOf(blob.Name, blob.Properties.LastModified!.Value, blob.Properties.ETag!.Value.ToString());
            var recorded = await runs.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["PartitionKey"], ct);
            if (!recorded.HasValue)
            {
                missing.Add(blob.Name);
            }
        }

        return missing;
    }
}

using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;

namespace SendFunctions.Recovery;

/// <summary>
/// The <c>inflight</c> table: one row per run that is queued or running, keyed as its run row, so that
/// <see cref="RecoverInFlight"/> reads the live runs only. A run row is the truth; an index row only says where to look.
/// Written before the <c>Running</c> run row and again after it (a recovery pass between the two may have found the run
/// not yet running, or an earlier delivery's outcome, and removed the first), so a <c>Running</c> row is never left
/// without its index row; removed when the outcome is recorded, and by the recovery when it finds the run finished.
/// </summary>
internal static class InFlightIndex
{
    public static Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken ct) =>
        CreatedOnFirstUse.TableAsync(tables, StorageLayout.InFlightTable, ct);

    public static async Task PutAsync(TableClient index, RunRow run, CancellationToken ct) =>
        await index.UpsertEntityAsync(new InFlightRow { PartitionKey = run.PartitionKey, RowKey = run.RowKey, Function = run.Function }, TableUpdateMode.Replace, ct);

    /// <summary>The run has its outcome: its row leaves the index, whoever wrote it last.</summary>
    public static Task RemoveAsync(TableClient index, RunRow run, CancellationToken ct) => RemoveAsync(index, run.PartitionKey, run.RowKey, ETag.All, ct);

    /// <summary>Removes the row only if no one has written it since it was read: a run started again meanwhile keeps it.</summary>
    public static Task RemoveIfUnchangedAsync(TableClient index, InFlightRow row, CancellationToken ct) => RemoveAsync(index, row.PartitionKey, row.RowKey, row.ETag, ct);

    private static async Task RemoveAsync(TableClient index, string partition, string rowKey, ETag etag, CancellationToken ct)
    {
        try
        {
            await index.DeleteEntityAsync(partition, rowKey, etag, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or written again by a run that started since it was read.
        }
    }
}

/// <summary>One row of the <c>inflight</c> table: a run that is queued or running, keyed as its row in the run ledger.</summary>
public sealed class InFlightRow : ITableEntity
{
    /// <summary>The run's partition in the run ledger (its period).</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The run's id in the run ledger.</summary>
    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>For ops reading the table: the function the run is of.</summary>
    public string Function { get; set; } = string.Empty;
}

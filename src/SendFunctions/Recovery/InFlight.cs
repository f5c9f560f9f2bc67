using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SendFunctions.Operations;

namespace SendFunctions.Recovery;

/// <summary>
/// One request being worked on: renews its run row's lease every third of the lease until the run is recorded. Left
/// without a result (the function threw), the row says the queue retries the message, so no copy is made of it.
/// </summary>
public sealed class InFlight : IAsyncDisposable
{
    private readonly TableClient table;
    private readonly TableClient index;
    private readonly RunRow row;
    private readonly TimeSpan lease;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private ETag etag;
    private bool finished;

    internal InFlight(TableClient table, TableClient index, RunRow row, ETag etag, TimeSpan lease, TimeProvider time, ILogger log)
    {
        this.table = table;
        this.index = index;
        this.row = row;
        this.etag = etag;
        this.lease = lease;
        this.time = time;
        this.log = log;
        renewing = RenewAsync(stop.Token);
    }

    /// <summary>Stops renewing, records the run's outcome in place of the <c>Running</c> row and takes the run out of the in-flight index.</summary>
    public async Task FinishAsync(RunRow run, ILogger logger, CancellationToken ct)
    {
        await StopRenewingAsync();
        finished = true;
        await RunLedger.RecordAsync(table, run, logger, ct);
        await LeaveIndexAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        if (!finished)
        {
            // The function threw (or the host is stopping): the queue delivers the message again after its visibility timeout.
            var retrying = RunRow.Released(row, time.GetUtcNow());
            try
            {
                await table.UpdateEntityAsync(retrying, etag, TableUpdateMode.Replace, CancellationToken.None);
                await LeaveIndexAsync();
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Recorded or taken up meanwhile: that write stands.
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException)
            {
                // Storage is failing too (the likely cause of the failure): the row stays Running, so once its lease has run
                // out a copy is queued, should the queue's own retry not come first. The function's own exception goes on.
                Log.InFlightRenewFailed(log, row.PartitionKey, row.RowKey, ex.GetType().Name);
            }
        }

        stop.Dispose();
    }

    /// <summary>
    /// The run has a result: out of the index. Not done (storage failing), the index row stays until the recovery finds the
    /// run finished and removes it; the result stands either way.
    /// </summary>
    private async Task LeaveIndexAsync()
    {
        try
        {
            await InFlightIndex.RemoveAsync(index, row, CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            Log.InFlightIndexNotRemoved(log, row.PartitionKey, row.RowKey, ex.GetType().Name);
        }
    }

    private async Task StopRenewingAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(lease / 3, time, ct);
                var renewal = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(RunRow.LeaseUntil)] = time.GetUtcNow() + lease };
                etag = (await table.UpdateEntityAsync(renewal, etag, TableUpdateMode.Merge, ct)).Headers.ETag ?? etag;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                Log.InFlightTakenOver(log, row.Function, row.PartitionKey, row.RowKey);
                return; // recovery took the request up (its lease had run out): this run carries on, its result recorded as usual
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException)
            {
                // Storage unreachable for a moment (the SDK's own retries gave up): try again at the next renewal.
                Log.InFlightRenewFailed(log, row.PartitionKey, row.RowKey, ex.GetType().Name);
            }
        }
    }
}

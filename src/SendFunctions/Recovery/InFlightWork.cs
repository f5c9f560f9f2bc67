using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Operations;

namespace SendFunctions.Recovery;

/// <summary>
/// Where a queue worker says that it is working on a request: its run row is written <c>Running</c> when the work starts,
/// holding the request itself, this instance's id and a lease that the worker renews while it works, and the run is entered
/// in <see cref="InFlightIndex"/>. The row's final outcome replaces it and takes it out of the index. A row still <c>Running</c> after its lease means its worker died: <see cref="RecoverInFlight"/>
/// queues a copy of the request, so the work is done within minutes rather than after the queue listener's 10-minute hold.
/// </summary>
public sealed class InFlightWork(TableServiceClient tables, TimeProvider time, IOptions<RecoveryOptions> options, ILogger<InFlightWork> log)
{
    /// <summary>Table string properties hold 64 KB (32K UTF-16 characters); a larger request is left to the queue's own return.</summary>
    internal const int MaxStoredRequestChars = 30_000;

    /// <summary>This process: the holder named on the rows it writes.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Records a request just queued, as held by no one until <see cref="RecoveryOptions.QueuedGrace"/>: its worker's own row
    /// replaces this one when it starts. A request an instance took from the queue and died before starting is otherwise
    /// invisible for the queue listener's 10 minutes. Written only if the worker has not started already.
    /// </summary>
    public async Task QueuedAsync(string partition, string runId, string function, string subject, string queue, string request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = RunRow.Running(partition, runId, function, subject, queue, request.Length <= MaxStoredRequestChars ? request : null, "queued, not yet taken", now, now + options.Value.QueuedGrace);
        var index = await InFlightIndex.TableAsync(tables, ct);
        await InFlightIndex.PutAsync(index, row, ct);
        try
        {
            await (await RunLedger.TableAsync(tables, ct)).AddEntityAsync(row, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return; // The worker started first and wrote its own row (and index row; should it have finished already, the recovery removes this one).
        }

        await InFlightIndex.PutAsync(index, row, ct);
    }

    /// <summary>
    /// Queues a request for <paramref name="function"/> and records it as queued (<see cref="QueuedAsync"/>) under the run
    /// id its worker will use, so that a message an instance takes and dies before starting is copied after the grace.
    /// </summary>
    public async Task QueueAsync(Azure.Storage.Queues.QueueClient queue, string partition, string function, string request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(request);
        var sent = await queue.SendMessageAsync(request, ct);
        await QueuedAsync(partition, RunRow.WorkRunId(function, sent.Value.MessageId), function, request, queue.Name, request, ct);
    }

    /// <summary>Writes the run's <c>Running</c> row and starts renewing its lease; finish with <see cref="InFlight.FinishAsync"/>.</summary>
    public async Task<InFlight> StartAsync(string partition, string runId, string function, string subject, string queue, string request, CancellationToken ct)
    {
        var lease = options.Value.WorkLease;
        var now = time.GetUtcNow();
        var row = RunRow.Running(partition, runId, function, subject, queue, request.Length <= MaxStoredRequestChars ? request : null, Holder, now, now + lease);
        var table = await RunLedger.TableAsync(tables, ct);
        var index = await InFlightIndex.TableAsync(tables, ct);
        await InFlightIndex.PutAsync(index, row, ct); // first, so that a Running row is never without it, should this instance die now
        var written = await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        await InFlightIndex.PutAsync(index, row, ct); // and again: a recovery pass may have removed it while the run row said otherwise
        return new InFlight(table, index, row, written.Headers.ETag ?? default, lease, time, log);
    }
}

using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Operations;

namespace SendFunctions.Recovery;

/// <summary>
/// Takes up the requests of a worker that died: every run still <c>Running</c> after its lease is marked <c>Retrying</c>
/// (one instance wins that write) and a copy of its request is queued. The copy is safe to run beside the original when
/// that returns after the queue listener's 10-minute hold: a paper's version is reused for unchanged inputs (a
/// half-written one is completed), and an email is sent once under its delivery ledger claim. Runs at host start and on
/// <c>%InFlightRecoverySchedule%</c>. Reads the live runs from <see cref="InFlightIndex"/> and each one's run row by its
/// key, never the run ledger as a whole; an index row whose run is finished (or was never written) is removed.
/// </summary>
public sealed class RecoverInFlight(TableServiceClient tables, QueueServiceClient queues, TimeProvider time, ILogger<RecoverInFlight> log)
{
    [FunctionName(nameof(RecoverInFlight))]
    public async Task Run([TimerTrigger("%InFlightRecoverySchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var table = await RunLedger.TableAsync(tables, ct);
        var index = await InFlightIndex.TableAsync(tables, ct);
        var now = time.GetUtcNow();
        await foreach (var live in index.QueryAsync<InFlightRow>(cancellationToken: ct))
        {
            var run = await table.GetEntityIfExistsAsync<RunRow>(live.PartitionKey, live.RowKey, cancellationToken: ct);
            if (run.HasValue && run.Value is { Outcome: RunOutcome.Running } running)
            {
                if (running.LeaseUntil < now && await TakeUpAsync(table, running, now, ct))
                {
                    await InFlightIndex.RemoveIfUnchangedAsync(index, live, ct);
                }

                continue;
            }

            await InFlightIndex.RemoveIfUnchangedAsync(index, live, ct); // finished, and its worker did not get to remove it
        }
    }

    /// <summary>False when its worker renewed or finished it, or another instance took it up first.</summary>
    private async Task<bool> TakeUpAsync(TableClient table, RunRow lapsed, DateTimeOffset now, CancellationToken ct)
    {
        var (queue, request) = (lapsed.Queue, lapsed.Request);
        try
        {
            await table.UpdateEntityAsync(RunRow.TakenUp(lapsed, now, request is not null), lapsed.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }

        if (queue is null || request is null)
        {
            return true; // too large to keep on the row: the original message returns after the queue's hold
        }

        await queues.GetQueueClient(queue).SendMessageAsync(request, ct);
        Log.InFlightRecovered(log, lapsed.Function, lapsed.PartitionKey, lapsed.RowKey, lapsed.Holder ?? "unknown", lapsed.LeaseUntil ?? now);
        return true;
    }
}

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
/// <c>%InFlightRecoverySchedule%</c>.
/// </summary>
public sealed class RecoverInFlight(TableServiceClient tables, QueueServiceClient queues, TimeProvider time, ILogger<RecoverInFlight> log)
{
    [FunctionName(nameof(RecoverInFlight))]
    public async Task Run([TimerTrigger("%InFlightRecoverySchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var table = await RunLedger.TableAsync(tables, ct);
        var now = time.GetUtcNow();
        await foreach (var lapsed in table.QueryAsync<RunRow>(TableClient.CreateQueryFilter($"Outcome eq {nameof(RunOutcome.Running)} and LeaseUntil lt {now}"), cancellationToken: ct))
        {
            await TakeUpAsync(table, lapsed, now, ct);
        }
    }

    private async Task TakeUpAsync(TableClient table, RunRow lapsed, DateTimeOffset now, CancellationToken ct)
    {
        var (queue, request) = (lapsed.Queue, lapsed.Request);
        try
        {
            await table.UpdateEntityAsync(RunRow.TakenUp(lapsed, now, request is not null), lapsed.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return; // its worker renewed or finished it, or another instance took it up
        }

        if (queue is null || request is null)
        {
            return; // too large to keep on the row: the original message returns after the queue's hold
        }

        await queues.GetQueueClient(queue).SendMessageAsync(request, ct);
        Log.InFlightRecovered(log, lapsed.Function, lapsed.PartitionKey, lapsed.RowKey, lapsed.Holder ?? "unknown", lapsed.LeaseUntil ?? now);
    }
}

using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using SendFunctions.Operations;

namespace SendFunctions.Mailing;

/// <summary>What the mailing queue triggers share: a delivery's result as a run outcome, and re-queuing while another instance holds the claim.</summary>
internal static class MailRuns
{
    /// <summary>A transient failure the queue retries is not a failed run (one outage, one alert: the poisoned message's).</summary>
    public static RunOutcome OutcomeOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => RunOutcome.Succeeded,
        DeliveryStatus.Skipped or DeliveryStatus.Superseded => RunOutcome.Skipped,
        DeliveryStatus.RetryPending => RunOutcome.Retrying,
        _ => RunOutcome.Failed,
    };

    /// <summary>
    /// Another instance holds a live claim on the delivery: its message may be the one that has to settle it, so this one is
    /// not dropped but queued again, hidden until just after the claim's lease runs out.
    /// </summary>
    public static async Task RequeueAsync(QueueServiceClient queues, string queue, string message, string delivery, DateTimeOffset until, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        var hidden = until - now + TimeSpan.FromSeconds(1);
        await queues.GetQueueClient(queue).SendMessageAsync(message, hidden > TimeSpan.Zero ? hidden : TimeSpan.FromSeconds(1), cancellationToken: ct);
        Log.Requeued(log, delivery, until);
    }
}

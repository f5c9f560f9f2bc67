using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;

namespace SendFunctions.Mailing;

/// <summary>
/// <c>POST /api/sendgrid/events</c>: SendGrid's Event Webhook. Nothing is read before the request passes the checks of
/// <see cref="SignedWebhookBody"/> (401, or 413); a signed body that is not a JSON array answers 400, never 500, so
/// SendGrid does not post it again and again. Each recipient's events update its row in the recipients table, one
/// conditional write per recipient and batch, re-applied when another batch wrote first. An event applied before (same
/// <c>sg_event_id</c>) changes nothing, so SendGrid re-posting a batch is harmless.
/// </summary>
/// <remarks>
/// Events are applied while SendGrid waits rather than queued: a batch can be megabytes, far beyond a queue message,
/// and a storage failure answers 500, for which SendGrid posts the batch again (harmless, as above).
/// </remarks>
public sealed class DeliveryEvents(TableServiceClient tables, TimeProvider time, IOptions<SendGridOptions> options, ILogger<DeliveryEvents> log)
{
    public const string Route = "/api/sendgrid/events";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey))
        {
            return Results.Problem("The webhook's verification key (SendGrid:WebhookPublicKey) is not configured.", statusCode: 503);
        }

        var body = await SignedWebhookBody.ReadAsync(request, options.Value, time.GetUtcNow(), ct);
        if (body.Refusal is { } refusal)
        {
            Log.WebhookRefused(log, body.Status, refusal);
            return Results.Problem($"Refused: {refusal}.", statusCode: body.Status);
        }

        if (DeliveryEvent.Parse(body.Content) is not { } batch)
        {
            Log.WebhookRefused(log, 400, "the signed body is not a JSON array of events");
            return Results.Problem("The body is not a JSON array of events.", statusCode: 400);
        }

        var (applied, duplicates, unknown) = await ApplyAsync(batch.Events, ct);
        Log.WebhookApplied(log, applied, duplicates, unknown, batch.Skipped, batch.Ignored);
        return Results.Ok(new { applied, duplicates, unknown, skipped = batch.Skipped, ignored = batch.Ignored });
    }

    private async Task<(int Applied, int Duplicates, int Unknown)> ApplyAsync(IReadOnlyList<DeliveryEvent> events, CancellationToken ct)
    {
        var deliveries = await DeliveryLedger.TableAsync(tables, ct);
        var recipients = await RecipientLedger.TableAsync(tables, ct);
        int applied = 0, duplicates = 0, unknown = 0;
        foreach (var delivery in events.GroupBy(e => (e.Partition, e.DeliveryKey)))
        {
            var (partition, key) = delivery.Key;
            var row = await deliveries.GetEntityIfExistsAsync<DeliveryRow>(partition, key, cancellationToken: ct);
            if (!row.HasValue)
            {
                unknown += delivery.Count();
                continue;
            }

            foreach (var recipient in delivery.GroupBy(e => e.Email))
            {
                var batch = recipient.ToList();
                var done = await RecipientLedger.ApplyAsync(recipients, batch, ct);
                applied += done.Count;
                duplicates += batch.Count - done.Count;
                foreach (var failure in done.Where(e => e.State.IsFailure()))
                {
                    Log.RecipientFailed(log, StorageLayout.DeliveryId(partition, key), failure.State, failure.At, partition);
                }
            }

            if (delivery.Where(e => e.State is RecipientState.Processed or RecipientState.Delivered).Select(e => (DateTimeOffset?)e.At).Min() is { } confirmedAt)
            {
                await ConfirmAsync(deliveries, row.Value!, confirmedAt, ct);
            }
        }

        return (applied, duplicates, unknown);
    }

    /// <summary>
    /// A processed or delivered event proves that a delivery left <see cref="DeliveryStatus.Unconfirmed"/> (the host
    /// stopped between sending and recording) did go: it becomes Sent, at SendGrid's time.
    /// </summary>
    private async Task ConfirmAsync(TableClient deliveries, DeliveryRow row, DateTimeOffset confirmedAt, CancellationToken ct)
    {
        for (var attempt = 1; row.Status == DeliveryStatus.Unconfirmed; attempt++)
        {
            row.Status = DeliveryStatus.Sent;
            row.SentAt ??= confirmedAt;
            row.UpdatedAt = time.GetUtcNow();
            row.LastError = null;
            try
            {
                await deliveries.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < RecipientLedger.MaxAttempts)
            {
                row = (await deliveries.GetEntityAsync<DeliveryRow>(row.PartitionKey, row.RowKey, cancellationToken: ct)).Value;
            }
        }
    }
}

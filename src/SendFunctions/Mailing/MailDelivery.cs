using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>
/// Sends an email at most once per ledger row: claim, then per attempt mark the row, send, record. Every way out
/// leaves the row in a state that says what happens next (README, "Email"): Sent, RetryPending (the caller's queue
/// retries), Failed or Unconfirmed (alerted through the caller's run), or a live claim with the time to look again.
/// </summary>
public sealed class MailDelivery(IMailTransport transport, TableServiceClient tables, TimeProvider time, IOptions<MailOptions> options, ILogger<MailDelivery> log)
{
    /// <summary>Settles a delivery that has not gone as superseded (<see cref="DeliveryLedger.SupersedeAsync"/>); the row's status otherwise.</summary>
    public async Task<DeliveryStatus> SupersedeAsync(string partition, string rowKey, string detail, CancellationToken ct) =>
        await DeliveryLedger.SupersedeAsync(await DeliveryLedger.TableAsync(tables, ct), partition, rowKey, detail, time.GetUtcNow(), ct);

    /// <summary>The delivery's status in the ledger; null when it has no row yet.</summary>
    public async Task<DeliveryStatus?> StatusAsync(string partition, string rowKey, CancellationToken ct)
    {
        var row = await (await DeliveryLedger.TableAsync(tables, ct)).GetEntityIfExistsAsync<DeliveryRow>(partition, rowKey, [nameof(DeliveryRow.Status)], ct);
        return row.HasValue ? row.Value!.Status : null;
    }

    /// <summary>Throws <see cref="MailSendException"/> when every attempt of this run failed in a way a later run may not, after the ledger says RetryPending.</summary>
    public async Task<DeliveryResult> DeliverAsync(string partition, string rowKey, MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await DeliveryLedger.TableAsync(tables, ct);
        var recipients = string.Join(", ", message.To.Concat(message.Cc).Concat(message.Bcc));
        var delivery = new LedgerKey(table, partition, rowKey);
        var claim = await DeliveryLedger.ClaimAsync(table, partition, rowKey, recipients, message.ResendReason, time.GetUtcNow(), options.Value.ClaimLease, ct);
        if (claim is not { ETag: { } etag, ClaimId: { } claimId })
        {
            Log.Delivered(log, delivery.Id, claim.Status, claim.Detail);
            return new DeliveryResult(claim.Status, claim.Detail, null, claim.BusyUntil);
        }

        return await SendAsync(delivery, claimId, etag, claim.Attempts, message with { DeliveryId = delivery.Id }, ct);
    }

    private async Task<DeliveryResult> SendAsync(LedgerKey delivery, string claimId, ETag etag, int attempts, MailMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        ETag? held = etag;
        for (var attempt = 1; ; attempt++)
        {
            held = await delivery.UpdateAsync(claimId, held.Value, Fields(SendStage.Requesting, ("Attempts", ++attempts)), ct);
            if (held is null)
            {
                return Lost(delivery);
            }

            SendAttempt result;
            try
            {
                result = await transport.SendAsync(message, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopped before the request was written (the transport reports a written request as Unknown): safe to retry.
                await delivery.UpdateAsync(claimId, held.Value, Outcome(DeliveryStatus.RetryPending, "The host stopped before the request was sent; the queue retries it."), CancellationToken.None);
                throw;
            }

            switch (result.Outcome)
            {
                case AttemptOutcome.Accepted:
                    var settled = await SettleAsync(delivery, claimId, held.Value, DeliveryStatus.Sent, $"sent (message {result.MessageId}, attempt {attempts})", ("MessageId", result.MessageId), ("SentAt", time.GetUtcNow()), ("LastError", null));
                    await RecipientLedger.AcceptedAsync(tables, delivery.Partition, delivery.RowKey, Addressees.Of(message), result.MessageId, time.GetUtcNow(), log, ct);
                    return settled;
                case AttemptOutcome.Unknown:
                    return await SettleAsync(delivery, claimId, held.Value, DeliveryStatus.Unconfirmed, $"{result.Detail}. SendGrid may have accepted it, so it is not sent again: the Event Webhook or ops settle it (sendfx resend if it did not go).");
                case AttemptOutcome.Refused when result.Permanent:
                    return await SettleAsync(delivery, claimId, held.Value, DeliveryStatus.Failed, result.Detail);
            }

            if (attempt >= settings.MaxAttempts)
            {
                await delivery.UpdateAsync(claimId, held.Value, Outcome(DeliveryStatus.RetryPending, $"{attempt} attempts on this run; last: {result.Detail}"), CancellationToken.None);
                Log.Delivered(log, delivery.Id, DeliveryStatus.RetryPending, result.Detail);
                throw new MailSendException($"Not sent after {attempt} attempts on this run; the queue retries it. Last: {result.Detail}");
            }

            var delay = Backoff.Delay(attempt, settings.BaseDelay, settings.MaxDelay, result.RetryAfter, time.GetUtcNow());
            Log.SendRetry(log, delivery.Id, result.Outcome, attempt, delay, result.Detail);
            held = await delivery.UpdateAsync(claimId, held.Value, Fields(SendStage.Waiting, ("LastError", result.Detail)), ct);
            if (held is null)
            {
                return Lost(delivery);
            }

            try
            {
                await Task.Delay(delay, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await delivery.UpdateAsync(claimId, held.Value, Outcome(DeliveryStatus.RetryPending, $"The host stopped while waiting to retry; last: {result.Detail}"), CancellationToken.None);
                throw;
            }
        }
    }

    /// <summary>The final write of this claim. It is made even when the run is being cancelled: the email's fate is known now and must not be lost.</summary>
    private async Task<DeliveryResult> SettleAsync(LedgerKey delivery, string claimId, ETag etag, DeliveryStatus status, string detail, params (string Name, object? Value)[] extra)
    {
        var fields = Outcome(status, status == DeliveryStatus.Sent ? null : detail);
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        if (await delivery.UpdateAsync(claimId, etag, fields, CancellationToken.None) is null)
        {
            return Lost(delivery);
        }

        Log.Delivered(log, delivery.Id, status, detail);
        return new DeliveryResult(status, detail, extra.FirstOrDefault(e => e.Name == "MessageId").Value as string, null);
    }

    private DeliveryResult Lost(LedgerKey delivery)
    {
        const string detail = "its claim lapsed and another instance settled it; nothing more was sent from here";
        Log.Delivered(log, delivery.Id, DeliveryStatus.Skipped, detail);
        return new DeliveryResult(DeliveryStatus.Skipped, detail, null, null);
    }

    private Dictionary<string, object?> Fields(SendStage stage, params (string Name, object? Value)[] extra)
    {
        var now = time.GetUtcNow();
        var fields = new Dictionary<string, object?>
        {
            [nameof(DeliveryRow.Stage)] = stage.ToString(),
            [nameof(DeliveryRow.LeaseUntil)] = now + options.Value.ClaimLease,
            [nameof(DeliveryRow.UpdatedAt)] = now,
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return fields;
    }

    private Dictionary<string, object?> Outcome(DeliveryStatus status, string? error) => new()
    {
        [nameof(DeliveryRow.Status)] = status.ToString(),
        [nameof(DeliveryRow.LastError)] = error,
        [nameof(DeliveryRow.UpdatedAt)] = time.GetUtcNow(),
    };

    private sealed record LedgerKey(TableClient Table, string Partition, string RowKey)
    {
        public string Id => $"{Partition}/{RowKey}";

        public Task<ETag?> UpdateAsync(string claimId, ETag etag, IReadOnlyDictionary<string, object?> fields, CancellationToken ct) =>
            DeliveryLedger.UpdateAsync(Table, Partition, RowKey, claimId, etag, fields, ct);
    }
}

/// <param name="BusyUntil">Set when another instance holds a live claim: the caller must look again after it (re-queue its message), not drop it.</param>
public sealed record DeliveryResult(DeliveryStatus Status, string Detail, string? MessageId, DateTimeOffset? BusyUntil = null);

using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>Sends an email at most once per ledger row: claim, send, record.</summary>
public sealed class MailDelivery(IMailTransport transport, TableServiceClient tables, TimeProvider time, IOptions<MailOptions> options, ILogger<MailDelivery> log)
{
    /// <summary>Throws <see cref="MailSendException"/> for a transient failure after the ledger says so, so the queue retries.</summary>
    public async Task<DeliveryResult> DeliverAsync(string partition, string rowKey, MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await DeliveryLedger.TableAsync(tables, ct);
        var recipients = string.Join(", ", message.To.Concat(message.Cc).Concat(message.Bcc));
        var delivery = $"{partition}/{rowKey}";
        var (claim, status, detail) = await DeliveryLedger.ClaimAsync(table, partition, rowKey, recipients, time.GetUtcNow(), options.Value.ClaimTimeout, ct);
        if (claim is not { } etag)
        {
            Log.Delivered(log, delivery, status, detail);
            return new DeliveryResult(status, detail, null);
        }

        try
        {
            var sent = await transport.SendAsync(message with { DeliveryId = delivery }, ct);
            await DeliveryLedger.RecordAsync(table, partition, rowKey, etag, DeliveryStatus.Sent, sent.MessageId, sent.Attempts, null, time.GetUtcNow(), ct);
            await RecipientLedger.AcceptedAsync(tables, partition, rowKey, Addressees.Of(message), sent.MessageId, time.GetUtcNow(), log, ct);
            Log.Delivered(log, delivery, DeliveryStatus.Sent, sent.MessageId ?? string.Empty);
            return new DeliveryResult(DeliveryStatus.Sent, $"sent to {recipients} (message {sent.MessageId}, {sent.Attempts} attempt(s))", sent.MessageId);
        }
        catch (MailSendException ex)
        {
            var outcome = ex.Permanent ? DeliveryStatus.Failed : DeliveryStatus.RetryPending;
            await DeliveryLedger.RecordAsync(table, partition, rowKey, etag, outcome, null, ex.Attempts, ex.Message, time.GetUtcNow(), ct);
            Log.Delivered(log, delivery, outcome, ex.Message);
            if (!ex.Permanent)
            {
                throw;
            }

            return new DeliveryResult(DeliveryStatus.Failed, ex.Message, null);
        }
    }
}

public sealed record DeliveryResult(DeliveryStatus Status, string Detail, string? MessageId);

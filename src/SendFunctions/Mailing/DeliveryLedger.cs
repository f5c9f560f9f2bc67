using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Storage;

namespace SendFunctions.Mailing;

public enum DeliveryStatus
{
    /// <summary>Claimed: a send is under way (or crashed before its outcome was written).</summary>
    Sending,
    Sent,
    /// <summary>A transient failure: the next delivery of the queue message may try again.</summary>
    RetryPending,
    /// <summary>SendGrid refused it for good (4xx); only a deliberate resend sends it.</summary>
    Failed,
    /// <summary>A claim outlived its timeout without an outcome: the send may or may not have happened.</summary>
    Unconfirmed,
    /// <summary>Nothing to do: already sent, or another instance is sending it now.</summary>
    Skipped,
}

/// <summary>
/// One row of the <c>deliveries</c> table: one per paper version and distribution list, per deliberate resend, per
/// owner-feedback email and per reminder (partition: the period). What became of it for each recipient is in the
/// <c>recipients</c> table (<see cref="RecipientRow"/>). Read back by <c>sendfx deliveries</c>.
/// </summary>
public sealed class DeliveryRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DeliveryStatus Status { get; set; }

    public string Recipients { get; set; } = string.Empty;

    public DateTimeOffset? ClaimedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>SendGrid's X-Message-Id, or the .eml file's name offline.</summary>
    public string? MessageId { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// The <c>deliveries</c> table, claimed before sending with an optimistic-concurrency write so that only one instance
/// ever sends an email.
/// </summary>
internal static class DeliveryLedger
{
    public static async Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken ct)
    {
        var table = tables.GetTableClient(StorageLayout.DeliveriesTable);
        await table.CreateIfNotExistsAsync(ct);
        return table;
    }

    /// <summary>
    /// Claims the row for a send. Returns the claim's ETag, or the reason not to send. A claim older than the
    /// timeout is not taken over: the system errs on the side of not emailing a committee twice, and reports the
    /// delivery as unconfirmed for ops to check (SendGrid's events, or <c>sendfx resend</c>).
    /// </summary>
    public static async Task<(ETag? Claim, DeliveryStatus Status, string Detail)> ClaimAsync(
        TableClient table, string partition, string rowKey, string recipients, DateTimeOffset now, TimeSpan claimTimeout, CancellationToken ct)
    {
        var existing = await table.GetEntityIfExistsAsync<DeliveryRow>(partition, rowKey, cancellationToken: ct);
        if (!existing.HasValue)
        {
            try
            {
                var added = await table.AddEntityAsync(new DeliveryRow
                {
                    PartitionKey = partition,
                    RowKey = rowKey,
                    Status = DeliveryStatus.Sending,
                    Recipients = recipients,
                    ClaimedAt = now,
                }, ct);
                return (added.Headers.ETag, DeliveryStatus.Sending, "claimed");
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return (null, DeliveryStatus.Skipped, "another instance claimed it first");
            }
        }

        var row = existing.Value!;
        switch (row.Status)
        {
            case DeliveryStatus.Sent:
                return (null, DeliveryStatus.Skipped, $"already sent (message {row.MessageId})");
            case DeliveryStatus.Failed or DeliveryStatus.Unconfirmed:
                return (null, row.Status, row.LastError ?? "see the deliveries table");
            case DeliveryStatus.Sending when now - (row.ClaimedAt ?? now) < claimTimeout:
                return (null, DeliveryStatus.Skipped, "another instance is sending it now");
            case DeliveryStatus.Sending:
                row.Status = DeliveryStatus.Unconfirmed;
                row.LastError = "The send was claimed but its outcome was never recorded (the host stopped mid-send). Check SendGrid's activity for this delivery; use 'sendfx resend' if it did not go.";
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return (null, DeliveryStatus.Unconfirmed, row.LastError);
            default:
                row.Status = DeliveryStatus.Sending;
                row.ClaimedAt = now;
                try
                {
                    var updated = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                    return (updated.Headers.ETag, DeliveryStatus.Sending, "claimed for a retry");
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    return (null, DeliveryStatus.Skipped, "another instance claimed it first");
                }
        }
    }

    /// <summary>Records the outcome of the send this instance claimed (the update is conditional on the claim).</summary>
    public static async Task RecordAsync(
        TableClient table, string partition, string rowKey, ETag claim, DeliveryStatus status, string? messageId, int attempts, string? error, DateTimeOffset now, CancellationToken ct)
    {
        var row = (await table.GetEntityAsync<DeliveryRow>(partition, rowKey, cancellationToken: ct)).Value;
        row.Status = status;
        row.MessageId = messageId;
        row.LastError = error;
        row.UpdatedAt = now;
        row.Attempts += attempts;
        if (status == DeliveryStatus.Sent)
        {
            row.SentAt = now;
        }

        await table.UpdateEntityAsync(row, claim, TableUpdateMode.Replace, ct);
    }
}

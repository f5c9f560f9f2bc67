using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Mail;

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
/// The <c>deliveries</c> table: one row per paper version and distribution list (or per owner-feedback email),
/// claimed before sending with an optimistic-concurrency write so that only one instance ever sends it.
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
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
        if (!existing.HasValue)
        {
            var entity = new TableEntity(partition, rowKey)
            {
                ["Status"] = nameof(DeliveryStatus.Sending),
                ["Recipients"] = recipients,
                ["ClaimedAt"] = now,
                ["Attempts"] = 0,
            };
            try
            {
                var added = await table.AddEntityAsync(entity, ct);
                return (added.Headers.ETag, DeliveryStatus.Sending, "claimed");
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return (null, DeliveryStatus.Skipped, "another instance claimed it first");
            }
        }

        var row = existing.Value!;
        var status = Enum.TryParse<DeliveryStatus>(row.GetString("Status"), out var s) ? s : DeliveryStatus.Sending;
        switch (status)
        {
            case DeliveryStatus.Sent:
                return (null, DeliveryStatus.Skipped, $"already sent (message {row.GetString("MessageId")})");
            case DeliveryStatus.Failed or DeliveryStatus.Unconfirmed:
                return (null, status, row.GetString("LastError") ?? "see the deliveries table");
            case DeliveryStatus.Sending when now - (row.GetDateTimeOffset("ClaimedAt") ?? now) < claimTimeout:
                return (null, DeliveryStatus.Skipped, "another instance is sending it now");
            case DeliveryStatus.Sending:
                row["Status"] = nameof(DeliveryStatus.Unconfirmed);
                row["LastError"] = "The send was claimed but its outcome was never recorded (the host stopped mid-send). Check SendGrid's activity for this delivery; use 'sendfx resend' if it did not go.";
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return (null, DeliveryStatus.Unconfirmed, row.GetString("LastError")!);
            default:
                row["Status"] = nameof(DeliveryStatus.Sending);
                row["ClaimedAt"] = now;
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

    public static async Task RecordAsync(
        TableClient table, string partition, string rowKey, ETag claim, DeliveryStatus status, string? messageId, int attempts, string? error, DateTimeOffset now, CancellationToken ct)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["Status"] = status.ToString(),
            ["MessageId"] = messageId,
            ["LastError"] = error,
            ["UpdatedAt"] = now,
        };
        if (status == DeliveryStatus.Sent)
        {
            row["SentAt"] = now;
        }

        var current = (await table.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: ct)).Value;
        row["Attempts"] = (current.GetInt32("Attempts") ?? 0) + attempts;
        await table.UpdateEntityAsync(row, claim, TableUpdateMode.Merge, ct);
    }
}

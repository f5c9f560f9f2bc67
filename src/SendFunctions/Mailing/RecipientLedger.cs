using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;

namespace SendFunctions.Mailing;

/// <summary>
/// The <c>recipients</c> table: who each email went to and what became of it. Rows are changed by read, change and
/// ETag-conditioned write; a write that loses to another (412, or 409 for two first writes) is re-read and re-applied,
/// so concurrent webhook batches about the same recipient lose nothing.
/// </summary>
internal static class RecipientLedger
{
    /// <summary>Conditional writes tried before giving up; a webhook batch that gives up answers 500 and SendGrid posts it again.</summary>
    public const int MaxAttempts = 20;

    public static Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken ct) =>
        CreatedOnFirstUse.TableAsync(tables, StorageLayout.RecipientsTable, ct);

    /// <summary>
    /// After the transport accepted an email: a row per recipient, Accepted at <paramref name="now"/>. Where SendGrid's
    /// events got there first, only the acceptance time and message id are added. The send itself is already recorded;
    /// a storage failure here is logged, and the first event for each recipient writes its row anyway.
    /// </summary>
    public static async Task AcceptedAsync(
        TableServiceClient tables, string partition, string deliveryKey, Addressees recipients, string? messageId, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        try
        {
            var table = await TableAsync(tables, ct);
            foreach (var recipient in recipients.All)
            {
                await ChangeAsync(table, partition, deliveryKey, recipient.Trim().ToLowerInvariant(), row =>
                {
                    if (row.AcceptedAt is not null)
                    {
                        return false;
                    }

                    row.AcceptedAt = now;
                    row.MessageId ??= messageId;
                    if (row.ETag == default && row.State == RecipientState.Accepted)
                    {
                        row.StateAt = now; // a new row; one that events made first keeps their state
                    }

                    return true;
                }, ct);
            }
        }
        catch (RequestFailedException ex)
        {
            Log.RecipientsNotRecorded(log, StorageLayout.DeliveryId(partition, deliveryKey), ex.Status);
        }
    }

    /// <summary>Applies one recipient's events from a batch in one write; returns those not applied before.</summary>
    public static async Task<IReadOnlyList<DeliveryEvent>> ApplyAsync(TableClient table, IReadOnlyList<DeliveryEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var first = events[0];
        List<DeliveryEvent> applied = [];
        await ChangeAsync(table, first.Partition, first.DeliveryKey, first.Email, row =>
        {
            applied = events.Where(row.Apply).ToList();
            return applied.Count > 0;
        }, ct);
        return applied;
    }

    /// <summary>Reads the row (or starts one), lets <paramref name="change"/> change it, writes it if changed; again on a lost race.</summary>
    private static async Task ChangeAsync(TableClient table, string partition, string deliveryKey, string recipient, Func<RecipientRow, bool> change, CancellationToken ct)
    {
        var key = StorageLayout.RecipientKey(deliveryKey, recipient);
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<RecipientRow>(partition, key, cancellationToken: ct);
            var row = found.HasValue ? found.Value! : new RecipientRow { PartitionKey = partition, RowKey = key, DeliveryKey = deliveryKey, Recipient = recipient };
            if (!change(row))
            {
                return;
            }

            try
            {
                _ = found.HasValue
                    ? await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct)
                    : await table.AddEntityAsync(row, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer changed the row since it was read: read it again and re-apply.
            }
        }
    }
}

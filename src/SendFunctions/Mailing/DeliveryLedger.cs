using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Storage;

namespace SendFunctions.Mailing;

/// <summary>Where a delivery stands; docs/operations.md ("Delivery states") says what ops do about each.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed: a send is under way; <see cref="DeliveryRow.Stage"/> says how far it got.</summary>
    Sending,
    Sent,
    /// <summary>Not sent yet, known not to have gone: the queue delivers the message again and it is tried again.</summary>
    RetryPending,
    /// <summary>Refused for good (a 4xx other than 429, a missing paper or address); only a deliberate resend sends it.</summary>
    Failed,
    /// <summary>The request may have reached SendGrid but no answer came: never resent blindly; the webhook or ops settle it.</summary>
    Unconfirmed,
    /// <summary>A result only, never stored: nothing to do (already settled), or another instance holds the claim.</summary>
    Skipped,
    /// <summary>Known not sent, and the queue gave up on its message (moved to the -poison queue, alerted); re-queuing it tries again.</summary>
    Poisoned,

    /// <summary>
    /// Never sent, and never will be: a later version of the same committee paper was signed off and distributed in its
    /// place while this one still waited (<see cref="DeliveryRow.LastError"/> names it); only a deliberate resend sends it.
    /// </summary>
    Superseded,
}

/// <summary>How far the current claim got: decides what a retry may do once the claim's lease has run out.</summary>
public enum SendStage
{
    /// <summary>Written by a version that did not record stages: treated as possibly sent.</summary>
    Unrecorded,

    /// <summary>Claimed; no request made under this claim yet.</summary>
    Claimed,

    /// <summary>A request is on its way: if the claimant vanished now, the email may have gone.</summary>
    Requesting,

    /// <summary>The last request was refused or failed before it was written; waiting to try again.</summary>
    Waiting,
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

    /// <summary>Who holds the current claim (a fresh id per claim): only its holder writes the outcome.</summary>
    public string? ClaimId { get; set; }

    /// <summary>Until when the claim is its holder's alone; renewed at every attempt. A retry may settle a claim only after it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public SendStage Stage { get; set; }

    public int Attempts { get; set; }

    /// <summary>SendGrid's X-Message-Id, or the .eml file's name offline.</summary>
    public string? MessageId { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>For a deliberate resend: why ops sent it again (<c>sendfx resend --reason</c>).</summary>
    public string? ResendReason { get; set; }
}

/// <summary>
/// The <c>deliveries</c> table, claimed before sending with an optimistic-concurrency write so that only one instance
/// ever sends an email; every later write is conditional on the claim and touches only the fields it changes.
/// </summary>
internal static class DeliveryLedger
{
    public static Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken ct) =>
        CreatedOnFirstUse.TableAsync(tables, StorageLayout.DeliveriesTable, ct);

    /// <summary>
    /// Claims the row for a send, or says why not. A claim whose lease has run out is settled here: taken over when its
    /// stage shows that no request can have reached SendGrid, else marked Unconfirmed (the system errs on the side of not
    /// emailing a committee twice). A live claim is left to its holder, and the caller told when to look again.
    /// </summary>
    public static async Task<LedgerClaim> ClaimAsync(TableClient table, string partition, string rowKey, string recipients, string? resendReason, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var claimId = Guid.NewGuid().ToString("N");
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
                    Stage = SendStage.Claimed,
                    Recipients = recipients,
                    ClaimedAt = now,
                    ClaimId = claimId,
                    LeaseUntil = now + lease,
                    ResendReason = resendReason,
                }, ct);
                return LedgerClaim.Claimed(added.Headers.ETag, claimId, 0, "claimed");
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return LedgerClaim.Busy(now + lease, "another instance claimed it first");
            }
        }

        var row = existing.Value!;
        switch (row.Status)
        {
            case DeliveryStatus.Sent:
                return LedgerClaim.Settled($"already sent (message {row.MessageId})");
            case DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Superseded:
                return LedgerClaim.Settled($"already {row.Status}: {row.LastError ?? "see the deliveries table"}");
            case DeliveryStatus.Sending when now < (row.LeaseUntil ?? row.ClaimedAt ?? now):
                return LedgerClaim.Busy(row.LeaseUntil ?? now + lease, "another instance is sending it now");
            case DeliveryStatus.Sending when row.Stage is SendStage.Requesting or SendStage.Unrecorded:
                var detail = "The sender stopped while its request to SendGrid was under way (the host stopped or lost its claim), so the email may or may not have gone. Check SendGrid's activity for this delivery (the Event Webhook settles it when SendGrid reports it); use 'sendfx resend' if it did not go.";
                var unconfirmed = new TableEntity(partition, rowKey)
                {
                    [nameof(DeliveryRow.Status)] = nameof(DeliveryStatus.Unconfirmed),
                    [nameof(DeliveryRow.LastError)] = detail,
                    [nameof(DeliveryRow.UpdatedAt)] = now,
                };
                try
                {
                    await table.UpdateEntityAsync(unconfirmed, row.ETag, TableUpdateMode.Merge, ct);
                    return new LedgerClaim(null, null, 0, DeliveryStatus.Unconfirmed, detail, null);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    return LedgerClaim.Busy(now + lease, "another instance settled it first");
                }

            default:
                // RetryPending, Poisoned (re-queued by ops), or a lapsed claim that never got a request out: this instance takes it.
                var claim = new TableEntity(partition, rowKey)
                {
                    [nameof(DeliveryRow.Status)] = nameof(DeliveryStatus.Sending),
                    [nameof(DeliveryRow.Stage)] = nameof(SendStage.Claimed),
                    [nameof(DeliveryRow.Recipients)] = recipients,
                    [nameof(DeliveryRow.ClaimedAt)] = now,
                    [nameof(DeliveryRow.ClaimId)] = claimId,
                    [nameof(DeliveryRow.LeaseUntil)] = now + lease,
                };
                try
                {
                    var updated = await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, ct);
                    return LedgerClaim.Claimed(updated.Headers.ETag, claimId, row.Attempts, row.Status == DeliveryStatus.Sending ? "took over a lapsed claim that had sent nothing" : $"claimed again ({row.Status})");
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    return LedgerClaim.Busy(now + lease, "another instance claimed it first");
                }
        }
    }

    /// <summary>
    /// Writes <paramref name="fields"/> if this instance still holds the claim. A write by the webhook in between (it
    /// touches other fields) is retried on the new ETag; a claim taken over by another instance returns null.
    /// </summary>
    public static async Task<ETag?> UpdateAsync(TableClient table, string partition, string rowKey, string claimId, ETag etag, IReadOnlyDictionary<string, object?> fields, CancellationToken ct)
    {
        var entity = new TableEntity(partition, rowKey);
        foreach (var (name, value) in fields)
        {
            entity[name] = value;
        }

        while (true)
        {
            try
            {
                return (await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, ct)).Headers.ETag;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                var current = (await table.GetEntityAsync<DeliveryRow>(partition, rowKey, cancellationToken: ct)).Value;
                if (current.ClaimId != claimId || current.Status != DeliveryStatus.Sending)
                {
                    return null;
                }

                etag = current.ETag;
            }
        }
    }

    /// <summary>
    /// Settles a delivery that has not gone as <see cref="DeliveryStatus.Superseded"/> (a new row when none was made yet);
    /// returns the row's status when it has gone, may have gone or is being sent now, and changes nothing then.
    /// </summary>
    public static async Task<DeliveryStatus> SupersedeAsync(TableClient table, string partition, string rowKey, string detail, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var existing = await table.GetEntityIfExistsAsync<DeliveryRow>(partition, rowKey, cancellationToken: ct);
        try
        {
            if (!existing.HasValue)
            {
                await table.AddEntityAsync(new DeliveryRow { PartitionKey = partition, RowKey = rowKey, Status = DeliveryStatus.Superseded, LastError = detail, UpdatedAt = now }, ct);
                return DeliveryStatus.Superseded;
            }

            var row = existing.Value!;
            var notGone = row.Status is DeliveryStatus.RetryPending or DeliveryStatus.Poisoned
                || (row.Status == DeliveryStatus.Sending && now >= (row.LeaseUntil ?? now) && row.Stage is not (SendStage.Requesting or SendStage.Unrecorded));
            if (!notGone)
            {
                return row.Status;
            }

            await table.UpdateEntityAsync(new TableEntity(partition, rowKey)
            {
                [nameof(DeliveryRow.Status)] = nameof(DeliveryStatus.Superseded),
                [nameof(DeliveryRow.LastError)] = detail,
                [nameof(DeliveryRow.UpdatedAt)] = now,
            }, row.ETag, TableUpdateMode.Merge, ct);
            return DeliveryStatus.Superseded;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return DeliveryStatus.Skipped; // another instance claimed or settled it first: its own send checks again
        }
    }

    /// <summary>
    /// The queue gave up on the message for this delivery: a row known not to have gone becomes Poisoned, one whose
    /// request may have gone becomes Unconfirmed. A live claim (another message for the same delivery) is left alone.
    /// </summary>
    public static async Task<DeliveryStatus?> PoisonAsync(TableClient table, string partition, string rowKey, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await table.GetEntityIfExistsAsync<DeliveryRow>(partition, rowKey, cancellationToken: ct);
        if (!existing.HasValue || existing.Value! is not { } row || row.Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Poisoned or DeliveryStatus.Superseded
            || (row.Status == DeliveryStatus.Sending && now < (row.LeaseUntil ?? now)))
        {
            return existing.HasValue ? existing.Value!.Status : null;
        }

        var mayHaveGone = row.Status == DeliveryStatus.Sending && row.Stage is SendStage.Requesting or SendStage.Unrecorded;
        var status = mayHaveGone ? DeliveryStatus.Unconfirmed : DeliveryStatus.Poisoned;
        var update = new TableEntity(partition, rowKey)
        {
            [nameof(DeliveryRow.Status)] = status.ToString(),
            [nameof(DeliveryRow.LastError)] = mayHaveGone
                ? "The message was poisoned while a request to SendGrid was under way: the email may or may not have gone. Check SendGrid's activity; use 'sendfx resend' if it did not go."
                : $"Not sent: every attempt failed and the message was moved to the poison queue. Last error: {row.LastError}",
            [nameof(DeliveryRow.UpdatedAt)] = now,
        };
        try
        {
            await table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, ct);
            return status;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return row.Status; // changed meanwhile: whoever changed it settles it
        }
    }
}

/// <summary>The answer to a claim: the ETag and id to send under, or why not (and, for a live claim, when to look again).</summary>
internal sealed record LedgerClaim(ETag? ETag, string? ClaimId, int Attempts, DeliveryStatus Status, string Detail, DateTimeOffset? BusyUntil)
{
    public static LedgerClaim Claimed(ETag? etag, string claimId, int attempts, string detail) => new(etag, claimId, attempts, DeliveryStatus.Sending, detail, null);

    public static LedgerClaim Settled(string detail) => new(null, null, 0, DeliveryStatus.Skipped, detail, null);

    public static LedgerClaim Busy(DateTimeOffset until, string detail) => new(null, null, 0, DeliveryStatus.Skipped, detail, until);
}

using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>
/// One row of the <c>recipients</c> table: one email (a <see cref="DeliveryRow"/>) and one of its recipients, keyed
/// <c>StorageLayout.RecipientKey</c> in the delivery's partition. Written when the transport accepts the email, then
/// moved on by SendGrid's events, the latest event (by SendGrid's time) deciding the state. Read back by
/// <c>sendfx deliveries</c>.
/// </summary>
public sealed class RecipientRow : ITableEntity
{
    /// <summary>How many applied event ids a row remembers to recognise a replay (a recipient sees a handful of events).</summary>
    public const int EventIdsKept = 100;

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The <see cref="DeliveryRow"/>'s row key in the same partition.</summary>
    public string DeliveryKey { get; set; } = string.Empty;

    /// <summary>The address, in lower case.</summary>
    public string Recipient { get; set; } = string.Empty;

    public RecipientState State { get; set; }

    /// <summary>When the current state began: our clock for Accepted, SendGrid's event time after that.</summary>
    public DateTimeOffset StateAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The latest deferral.</summary>
    public DateTimeOffset? DeferredAt { get; set; }

    public int Deferrals { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? BouncedAt { get; set; }

    public DateTimeOffset? DroppedAt { get; set; }

    /// <summary>SendGrid's X-Message-Id (the .eml file's name offline).</summary>
    public string? MessageId { get; set; }

    /// <summary>The reason given with the latest deferral, bounce or drop.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>The <c>sg_event_id</c>s applied, oldest first, space-separated (at most <see cref="EventIdsKept"/>).</summary>
    public string EventIds { get; set; } = string.Empty;

    /// <summary>
    /// Applies one event; false when it was applied before (same <c>sg_event_id</c>). Each event's own time is kept
    /// whatever order events come in, and the state moves only to a later event, so applying a batch in any order gives
    /// the same row.
    /// </summary>
    public bool Apply(DeliveryEvent delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var id = delivery.EventId.Replace(' ', '_');
        var ids = EventIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (ids.Contains(id, StringComparer.Ordinal))
        {
            return false;
        }

        ids.Add(id);
        EventIds = string.Join(' ', ids.Skip(Math.Max(0, ids.Count - EventIdsKept)));
        var at = delivery.At;
        switch (delivery.State)
        {
            case RecipientState.Processed:
                ProcessedAt = Latest(ProcessedAt, at);
                break;
            case RecipientState.Deferred:
                DeferredAt = Latest(DeferredAt, at);
                Deferrals++;
                break;
            case RecipientState.Delivered:
                DeliveredAt = Latest(DeliveredAt, at);
                break;
            case RecipientState.Bounced:
                BouncedAt = Latest(BouncedAt, at);
                break;
            case RecipientState.Dropped:
                DroppedAt = Latest(DroppedAt, at);
                break;
        }

        if (delivery.State is RecipientState.Deferred or RecipientState.Bounced or RecipientState.Dropped
            && delivery.Reason is { } reason && (LastErrorAt is null || at >= LastErrorAt))
        {
            LastError = reason;
            LastErrorAt = at;
        }

        if (RecipientStates.Supersedes(delivery.State, at, State, StateAt))
        {
            State = delivery.State;
            StateAt = at;
        }

        return true;
    }

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c > at ? c : at;
}

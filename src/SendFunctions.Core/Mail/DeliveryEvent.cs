using System.Text.Json;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Mail;

/// <summary>One event from SendGrid's Event Webhook about one recipient of a delivery we recorded.</summary>
/// <param name="Partition">The delivery's partition in the ledger (the period).</param>
/// <param name="DeliveryKey">The delivery's row key, from the custom argument <c>deliveryId</c> we set on every email.</param>
/// <param name="Email">The recipient, in lower case.</param>
/// <param name="EventId">SendGrid's <c>sg_event_id</c>: the same event posted twice has the same id.</param>
/// <param name="Reason">Why a message was deferred, bounced or dropped, as the receiving server or SendGrid put it.</param>
public sealed record DeliveryEvent(string Partition, string DeliveryKey, string Email, RecipientState State, DateTimeOffset At, string EventId, string? Reason)
{
    /// <summary>The latest time a Unix timestamp may give (DateTimeOffset's range ends in the year 9999).</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>
    /// Parses a webhook body. Null when it is not a JSON array (the whole body is malformed). Within it, events of
    /// kinds we do not track (open, click, ...) or without our delivery id are <see cref="DeliveryEventBatch.Ignored"/>;
    /// a tracked event of ours that lacks a usable recipient, time or id is <see cref="DeliveryEventBatch.Skipped"/>
    /// without holding back the rest.
    /// </summary>
    public static DeliveryEventBatch? Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var events = new List<DeliveryEvent>();
            int ignored = 0, skipped = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                switch (Read(item, out var parsed))
                {
                    case EventShape.Ours:
                        events.Add(parsed!);
                        break;
                    case EventShape.NotOurs:
                        ignored++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }

            return new DeliveryEventBatch(events, ignored, skipped);
        }
    }

    private static EventShape Read(JsonElement item, out DeliveryEvent? parsed)
    {
        parsed = null;
        if (item.ValueKind != JsonValueKind.Object || Text(item, "event") is not { } name)
        {
            return EventShape.Bad;
        }

        if (!RecipientStates.TryFromEvent(name, out var state) || !item.TryGetProperty("deliveryId", out var id))
        {
            return EventShape.NotOurs;
        }

        if (!StorageLayout.TryParseDeliveryId(id.ValueKind == JsonValueKind.String ? id.GetString() : null, out var partition, out var key)
            || Text(item, "email") is not { } email || !email.Contains('@', StringComparison.Ordinal)
            || !item.TryGetProperty("timestamp", out var ts) || ts.ValueKind != JsonValueKind.Number
            || !ts.TryGetInt64(out var seconds) || seconds is <= 0 or > MaxUnixSeconds
            || !StorageLayout.IsTableKey(StorageLayout.RecipientKey(key, email)))
        {
            return EventShape.Bad;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var eventId = Text(item, "sg_event_id") ?? FormattableString.Invariant($"{name.ToLowerInvariant()}@{seconds}");
        var reason = Text(item, "reason") ?? Text(item, "response");
        parsed = new DeliveryEvent(partition, key, email.Trim().ToLowerInvariant(), state, at, eventId, reason);
        return EventShape.Ours;
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private enum EventShape
    {
        Ours,
        NotOurs,
        Bad,
    }
}

/// <param name="Events">The events about our deliveries, in the order they came.</param>
/// <param name="Ignored">Events that are not about our deliveries, or of a kind we do not track.</param>
/// <param name="Skipped">Events of ours that could not be read (no recipient, no time, a delivery id we never made).</param>
public sealed record DeliveryEventBatch(IReadOnlyList<DeliveryEvent> Events, int Ignored, int Skipped);

using System.Text.Json;

namespace SendFunctions.Core.Mail;

/// <summary>One event from SendGrid's Event Webhook that concerns a delivery we recorded.</summary>
/// <param name="DeliveryId">Our ledger key, "{partition}/{rowKey}", returned by SendGrid from the custom argument we set.</param>
public sealed record DeliveryEvent(string DeliveryId, string Event, string Email, DateTimeOffset At, string? Reason)
{
    /// <summary>The events a clerk or ops care about; others (open, click) are ignored.</summary>
    public static readonly IReadOnlySet<string> Tracked = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "processed", "delivered", "deferred", "bounce", "dropped" };

    /// <summary>Parses the webhook's JSON array; events without our delivery id, or of other kinds, are left out.</summary>
    public static IReadOnlyList<DeliveryEvent> Parse(string json)
    {
        var events = new List<DeliveryEvent>();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return events;
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("deliveryId", out var id) || id.GetString() is not { } deliveryId
                || !item.TryGetProperty("event", out var kind) || kind.GetString() is not { } name || !Tracked.Contains(name))
            {
                continue;
            }

            var at = item.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
            var email = item.TryGetProperty("email", out var e) ? e.GetString() ?? string.Empty : string.Empty;
            var reason = item.TryGetProperty("reason", out var r) ? r.GetString() : item.TryGetProperty("response", out var resp) ? resp.GetString() : null;
            events.Add(new DeliveryEvent(deliveryId, name.ToLowerInvariant(), email, at, reason));
        }

        return events;
    }
}

namespace SendFunctions.Core.Mail;

/// <summary>
/// Where one email stands for one of its recipients: accepted by the transport, then what SendGrid's Event Webhook
/// said about it. The order is the order of a normal life; <see cref="Bounced"/> and <see cref="Dropped"/> are the
/// failures (the recipient did not get it).
/// </summary>
public enum RecipientState
{
    /// <summary>SendGrid answered 202 for the message (offline: the .eml was written); no event yet.</summary>
    Accepted,

    /// <summary>SendGrid has taken the message in and is about to deliver it.</summary>
    Processed,

    /// <summary>The receiving server asked SendGrid to try later; SendGrid keeps trying for up to 72 hours.</summary>
    Deferred,

    /// <summary>The receiving server accepted the message.</summary>
    Delivered,

    /// <summary>The receiving server refused the message for good (unknown mailbox, blocked).</summary>
    Bounced,

    /// <summary>SendGrid did not send it (the address is on a bounce, spam-report or unsubscribe list, or is invalid).</summary>
    Dropped,
}

public static class RecipientStates
{
    /// <summary>The state an Event Webhook event name puts a recipient in; other events (open, click, ...) are not tracked.</summary>
    public static bool TryFromEvent(string name, out RecipientState state)
    {
        ArgumentNullException.ThrowIfNull(name);
        (var known, state) = name.ToLowerInvariant() switch
        {
            "processed" => (true, RecipientState.Processed),
            "deferred" => (true, RecipientState.Deferred),
            "delivered" => (true, RecipientState.Delivered),
            "bounce" => (true, RecipientState.Bounced),
            "dropped" => (true, RecipientState.Dropped),
            _ => (false, RecipientState.Accepted),
        };
        return known;
    }

    /// <summary>The recipient did not get the email.</summary>
    public static bool IsFailure(this RecipientState state) => state is RecipientState.Bounced or RecipientState.Dropped;

    /// <summary>
    /// Whether an event's state replaces the current one. Events can arrive in any order and in several batches, so the
    /// later event wins, never the later arrival. Any event replaces <see cref="RecipientState.Accepted"/>, whose time
    /// is our clock rather than SendGrid's (a processed event can carry an earlier second than our record of the 202).
    /// SendGrid's times are whole seconds: on a tie the state further along its life wins (processed, then a deferral,
    /// then the outcome).
    /// </summary>
    public static bool Supersedes(RecipientState next, DateTimeOffset nextAt, RecipientState current, DateTimeOffset currentAt) =>
        current == RecipientState.Accepted
        || nextAt > currentAt
        || (nextAt == currentAt && Rank(next) > Rank(current));

    private static int Rank(RecipientState state) => state switch
    {
        RecipientState.Accepted => 0,
        RecipientState.Processed => 1,
        RecipientState.Deferred => 2,
        _ => 3,
    };
}

using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;

namespace SendFunctions;

/// <summary>The Event Webhook's and the recipients ledger's log lines (event ids 3100-3199).</summary>
internal static partial class Log
{
    /// <summary>Alerted (infra/modules/alerts.bicep, rule recipient-not-delivered, by event id). No address: ops look it up with sendfx deliveries.</summary>
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Email {Delivery} was not delivered to one of its recipients: {State} at {At}; 'sendfx deliveries --period {Period}' shows who and why")]
    public static partial void RecipientFailed(ILogger logger, string delivery, RecipientState state, DateTimeOffset at, string period);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Email {Delivery} was sent but its recipients could not be recorded (storage answered {Status}); the first event for each recipient records it")]
    public static partial void RecipientsNotRecorded(ILogger logger, string delivery, int status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Event Webhook request refused with {Status}: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, int status, string reason);

    /// <summary>Debug: SendGrid posts a batch every few seconds while mail flows; what each recipient got is in the recipients table, and failures log 3100.</summary>
    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Event Webhook batch: {Applied} events applied, {Duplicates} already applied, {Unknown} for deliveries not in the ledger, {Skipped} unreadable, {Ignored} not tracked")]
    public static partial void WebhookApplied(ILogger logger, int applied, int duplicates, int unknown, int skipped, int ignored);
}

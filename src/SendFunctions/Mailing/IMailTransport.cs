using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>
/// How an email leaves the system: SendGrid in Azure, a pickup folder of .eml files offline. One call is one attempt;
/// <see cref="MailDelivery"/> records each attempt in the ledger and decides whether to try again.
/// </summary>
public interface IMailTransport
{
    /// <summary>Throws <see cref="OperationCanceledException"/> only when cancelled before the request was written.</summary>
    Task<SendAttempt> SendAsync(MailMessage message, CancellationToken ct);
}

/// <summary>What one attempt established about the email.</summary>
public enum AttemptOutcome
{
    /// <summary>The server took it (SendGrid's 202).</summary>
    Accepted,

    /// <summary>The server answered and did not take it (429, 5xx, or a 4xx that will never succeed).</summary>
    Refused,

    /// <summary>The request failed before its last byte was written (DNS, connect, TLS, reset while writing): it cannot have been taken.</summary>
    NotSent,

    /// <summary>The whole request was written and then no answer came (a timeout, a reset while waiting): it may have been taken.</summary>
    Unknown,
}

/// <param name="Permanent">For <see cref="AttemptOutcome.Refused"/>: retrying the same request cannot help (4xx other than 429).</param>
/// <param name="RetryAfter">The server's Retry-After, if it sent one.</param>
public sealed record SendAttempt(AttemptOutcome Outcome, string Detail, string? MessageId = null, bool Permanent = false, System.Net.Http.Headers.RetryConditionHeaderValue? RetryAfter = null)
{
    public static SendAttempt Accepted(string? messageId) => new(AttemptOutcome.Accepted, $"accepted (message {messageId})", messageId);
}

/// <summary>A delivery that could not be made on this run but may succeed on a later one: the queue delivers the message again.</summary>
public sealed class MailSendException : Exception
{
    public MailSendException()
    {
    }

    public MailSendException(string message)
        : base(message)
    {
    }

    public MailSendException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>How an email leaves the system: SendGrid in Azure, a pickup folder of .eml files offline.</summary>
public interface IMailTransport
{
    Task<SendResult> SendAsync(MailMessage message, CancellationToken ct);
}

/// <param name="MessageId">SendGrid's X-Message-Id, or the .eml file name for the pickup folder.</param>
public sealed record SendResult(string? MessageId, int Attempts);

/// <summary>A send that did not succeed. <see cref="Permanent"/>: retrying the same request cannot help (4xx other than 429).</summary>
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

    public MailSendException(string message, bool permanent, int? status, int attempts)
        : base(message)
    {
        Permanent = permanent;
        Status = status;
        Attempts = attempts;
    }

    public bool Permanent { get; }

    public int? Status { get; }

    public int Attempts { get; }
}

namespace SendFunctions.Core.Mail;

/// <summary>An email, composed in the core and sent by a transport in the shell.</summary>
public sealed record MailMessage(
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>The ledger's key for this email: SendGrid receives it as a custom argument and returns it in events.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>Where replies go (the programme team), when not to the sender.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Why this email is a deliberate resend, recorded with its delivery; null for a first send.</summary>
    public string? ResendReason { get; init; }
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

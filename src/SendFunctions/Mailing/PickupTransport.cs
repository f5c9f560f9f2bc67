using Microsoft.Extensions.Options;
using MimeKit;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>Without a SendGrid key: each email is written as a standard .eml file that any mail client opens.</summary>
public sealed class PickupTransport(IOptions<MailOptions> options, TimeProvider time) : IMailTransport
{
    public async Task<SendAttempt> SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (PlainAddress.RefusalOf(message) is { } refusal)
        {
            return new SendAttempt(AttemptOutcome.Refused, refusal, Permanent: true); // what SendGrid would answer 400 to
        }

        var mime = ToMime(message, options.Value);
        var folder = Directory.CreateDirectory(options.Value.PickupDirectory);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}-{Safe(message.DeliveryId) ?? Guid.NewGuid().ToString("N")}.eml";
        var path = Path.Combine(folder.FullName, name);
        try
        {
            await mime.WriteToAsync(path, ct);
        }
        catch (IOException ex)
        {
            return new SendAttempt(AttemptOutcome.NotSent, $"The .eml file could not be written: {ex.Message}");
        }

        return SendAttempt.Accepted(name);
    }

    public static MimeMessage ToMime(MailMessage message, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        // The same recipients as SendGrid is given; Bcc addresses are recorded in the recipients table, never in a header
        // (SendGrid writes none, so neither does the offline copy).
        var addressees = Addressees.Of(message);
        mime.To.AddRange(addressees.To.Select(MailboxAddress.Parse));
        mime.Cc.AddRange(addressees.Cc.Select(MailboxAddress.Parse));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        mime.Subject = message.Subject;
        if (message.DeliveryId is { } id)
        {
            mime.Headers.Add("X-Delivery-Id", id);
        }

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string? Safe(string? id) => id is null ? null : string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace SendFunctions.Mailing;

/// <summary>
/// One SendGrid v3 mail send, classified: accepted (202), refused (429 and 5xx may be retried, any other 4xx never),
/// not sent (failed before the request was fully written) or unknown (written, then no answer).
/// </summary>
public sealed class SendGridTransport(ISendGridClient client, IOptions<MailOptions> mail, IOptions<SendGridOptions> sendGrid) : IMailTransport
{
    public async Task<SendAttempt> SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (PlainAddress.RefusalOf(message) is { } refusal)
        {
            return new SendAttempt(AttemptOutcome.Refused, refusal, Permanent: true); // what SendGrid would answer 400 to
        }

        var request = Build(message, mail.Value, sendGrid.Value.SandboxMode);
        Response response;
        try
        {
            response = await client.SendEmailAsync(request, ct);
        }
        catch (UnansweredRequestException ex)
        {
            return new SendAttempt(AttemptOutcome.Unknown, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new SendAttempt(AttemptOutcome.NotSent, $"The request to SendGrid failed before it was fully written ({ex.HttpRequestError}: {ex.Message})");
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new SendAttempt(AttemptOutcome.NotSent, $"The request to SendGrid timed out before it was fully written ({ex.Message})");
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return SendAttempt.Accepted(response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null);
        }

        var body = await response.Body.ReadAsStringAsync(ct);
        var permanent = status != 429 && status < 500;
        return new SendAttempt(AttemptOutcome.Refused, $"SendGrid {(permanent ? "refused the email" : "did not accept the email")} ({status}): {body}", Permanent: permanent, RetryAfter: response.Headers.RetryAfter);
    }

    private static SendGridMessage Build(MailMessage message, MailOptions options, bool sandbox)
    {
        var request = new SendGridMessage
        {
            From = new EmailAddress(options.From, options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };

        var addressees = Addressees.Of(message);
        request.AddTos(addressees.To.Select(a => new EmailAddress(a)).ToList());
        if (addressees.Cc.Count > 0)
        {
            request.AddCcs(addressees.Cc.Select(a => new EmailAddress(a)).ToList());
        }

        if (addressees.Bcc.Count > 0)
        {
            request.AddBccs(addressees.Bcc.Select(a => new EmailAddress(a)).ToList());
        }

        if (message.ReplyTo is { } replyTo)
        {
            request.ReplyTo = new EmailAddress(replyTo);
        }

        // Click tracking would rewrite every link through SendGrid's redirect, a paper's read-only link (a bearer token)
        // included; nothing here needs click statistics, so it is off for every email whatever the account says.
        request.SetClickTracking(false, false);

        foreach (var attachment in message.Attachments)
        {
            request.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

        if (message.DeliveryId is { } id)
        {
            request.AddCustomArg("deliveryId", id);
        }

        if (sandbox)
        {
            request.SetSandBoxMode(true);
        }

        return request;
    }
}

/// <summary>Exponential back-off with a cap; a server's Retry-After (seconds or a date) wins when it asks for longer.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        return asked is { } wanted && wanted > exponential ? (wanted > maxDelay ? maxDelay : wanted) : exponential;
    }
}

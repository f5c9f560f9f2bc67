using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace SendFunctions.Mailing;

/// <summary>
/// SendGrid v3 mail send. 429 and 5xx are retried with exponential back-off, honouring Retry-After, up to
/// <see cref="MailOptions.MaxAttempts"/>; any other 4xx fails at once with SendGrid's error text.
/// </summary>
public sealed class SendGridTransport(ISendGridClient client, IOptions<MailOptions> mail, IOptions<SendGridOptions> sendGrid, TimeProvider time, ILogger<SendGridTransport> log) : IMailTransport
{
    public async Task<SendResult> SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = mail.Value;
        var request = Build(message, options, sendGrid.Value.SandboxMode);
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SendEmailAsync(request, ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var id = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
                return new SendResult(id, attempt);
            }

            var body = await response.Body.ReadAsStringAsync(ct);
            var transient = status == 429 || status >= 500;
            if (!transient)
            {
                throw new MailSendException($"SendGrid refused the email ({status}): {body}", permanent: true, status, attempt);
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new MailSendException($"SendGrid did not accept the email after {attempt} attempts; last answer {status}: {body}", permanent: false, status, attempt);
            }

            var delay = Backoff.Delay(attempt, options.BaseDelay, options.MaxDelay, response.Headers.RetryAfter, time.GetUtcNow());
            Log.SendRetry(log, status, attempt, delay);
            await Task.Delay(delay, time, ct);
        }
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

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SendFunctions.Core.Mail;
using SendFunctions.Mailing;
using SendGrid;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>The real SendGrid client against a local stand-in of the v3 API (SendGrid itself is out of reach here).</summary>
public sealed class SendGridTransportTests : IDisposable
{
    private readonly LocalSendGridServer server = new();

    [Fact]
    public async Task Send_Accepted_PostsExactRecipientsSubjectAndAttachmentToLocalServer()
    {
        byte[] paper = [1, 2, 3, 250, 251, 252];
        var result = await Transport().SendAsync(Message(["clerk@example.gov.uk"], ["lead@example.gov.uk", "clerk@example.gov.uk"], paper) with { DeliveryId = "2025-01/hwb-board-v1-distribution" }, CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.Equal(mail.MessageId, result.MessageId);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(["clerk@example.gov.uk"], mail.To);
        Assert.Equal(["lead@example.gov.uk"], mail.Cc); // an address is sent to once, on its first list
        Assert.Equal("Board paper", mail.Subject);
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("paper.docx", attachment.FileName);
        Assert.Equal(paper, attachment.Content);
        Assert.Equal("2025-01/hwb-board-v1-distribution", mail.DeliveryId);
    }

    [Fact]
    public async Task Send_AnyEmail_PostsClickTrackingOffAndTheReplyToInTheExactPayload()
    {
        var message = Message(["clerk@example.gov.uk"], ["CLERK@example.gov.uk", "lead@example.gov.uk"]) with { ReplyTo = "send.team@example.gov.uk" };

        await Transport().SendAsync(message, CancellationToken.None);

        using var payload = JsonDocument.Parse(Assert.Single(server.Received).Json);
        var root = payload.RootElement;
        var click = root.GetProperty("tracking_settings").GetProperty("click_tracking");
        Assert.False(click.GetProperty("enable").GetBoolean());
        Assert.False(click.GetProperty("enable_text").GetBoolean());
        Assert.Equal("send.team@example.gov.uk", root.GetProperty("reply_to").GetProperty("email").GetString());
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        Assert.Equal(["clerk@example.gov.uk"], personalization.GetProperty("to").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
        Assert.Equal(["lead@example.gov.uk"], personalization.GetProperty("cc").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task Send_Throttled_HonoursRetryAfterThenSucceedsOnLocalServer()
    {
        var result = await Transport().SendAsync(Message(["throttle+2@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(3, result.Attempts);
        var answers = server.Answers.Select(a => (a.At, a.Status)).ToList();
        Assert.Equal([429, 429, 202], answers.Select(a => a.Status));
        Assert.True(answers[1].At - answers[0].At >= TimeSpan.FromMilliseconds(900), $"waited only {answers[1].At - answers[0].At}");
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_GivesUpAfterMaxAttemptsAsTransient()
    {
        var ex = await Assert.ThrowsAsync<MailSendException>(() => Transport().SendAsync(Message(["fail500@example.gov.uk"]), CancellationToken.None));

        Assert.False(ex.Permanent);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, server.Answers.Count);
    }

    [Fact]
    public async Task Send_BadRequest_FailsFastWithSendGridsErrorText()
    {
        var ex = await Assert.ThrowsAsync<MailSendException>(() => Transport().SendAsync(Message(["bad400@example.gov.uk"]), CancellationToken.None));

        Assert.True(ex.Permanent);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains("The from email does not contain a valid address.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickup_WritesEmlThatMimeKitReadsBackWithTheAttachment()
    {
        var folder = Directory.CreateTempSubdirectory("sendfx-pickup-");
        try
        {
            byte[] paper = [80, 75, 3, 4, 9, 8, 7];
            var options = new MailOptions { PickupDirectory = folder.FullName };
            var result = await new PickupTransport(MsOptions.Create(options), TimeProvider.System)
                .SendAsync(Message(["clerk@example.gov.uk"], ["lead@example.gov.uk"], paper) with { DeliveryId = "2025-01/x" }, CancellationToken.None);

            var message = await MimeMessage.LoadAsync(Path.Combine(folder.FullName, result.MessageId!));
            Assert.Equal("Board paper", message.Subject);
            Assert.Equal("clerk@example.gov.uk", message.To.Mailboxes.Single().Address);
            Assert.Equal("lead@example.gov.uk", message.Cc.Mailboxes.Single().Address);
            Assert.Equal("2025-01/x", message.Headers["X-Delivery-Id"]);
            var part = Assert.Single(message.Attachments.OfType<MimePart>());
            Assert.Equal("paper.docx", part.FileName);
            using var content = new MemoryStream();
            await part.Content!.DecodeToAsync(content);
            Assert.Equal(paper, content.ToArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Pickup_RecipientsAsSendGridGetsThem_DeduplicatedWithNoBccHeader()
    {
        var folder = Directory.CreateTempSubdirectory("sendfx-pickup-");
        try
        {
            var message = new MailMessage(["clerk@example.gov.uk", "Clerk@example.gov.uk"], ["lead@example.gov.uk", "clerk@example.gov.uk"], ["LEAD@example.gov.uk", "hidden@example.gov.uk"], "Board paper", "<p>Hello</p>", "Hello", [])
            {
                ReplyTo = "send.team@example.gov.uk",
            };
            var result = await new PickupTransport(MsOptions.Create(new MailOptions { PickupDirectory = folder.FullName }), TimeProvider.System).SendAsync(message, CancellationToken.None);

            var path = Path.Combine(folder.FullName, result.MessageId!);
            var eml = await File.ReadAllTextAsync(path);
            var mime = await MimeMessage.LoadAsync(path);
            Assert.Equal(["clerk@example.gov.uk"], mime.To.Mailboxes.Select(m => m.Address));
            Assert.Equal(["lead@example.gov.uk"], mime.Cc.Mailboxes.Select(m => m.Address));
            Assert.Empty(mime.Bcc);
            Assert.DoesNotContain("Bcc:", eml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hidden@", eml, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("send.team@example.gov.uk", mime.ReplyTo.Mailboxes.Single().Address);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(1, null, 100)]
    [InlineData(2, null, 200)]
    [InlineData(4, null, 800)]
    [InlineData(10, null, 5000)] // capped
    [InlineData(1, 3, 3000)] // Retry-After asks for longer
    [InlineData(1, 60, 5000)] // but never past the cap
    public void Backoff_ExponentialCappedHonouringRetryAfter(int attempt, int? retryAfterSeconds, int expectedMs)
    {
        var header = retryAfterSeconds is { } s ? new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(s)) : null;
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Delay(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), header, DateTimeOffset.UnixEpoch));
    }

    public void Dispose() => server.Dispose();

    private SendGridTransport Transport() => new(
        new SendGridClient(new SendGridClientOptions { ApiKey = "SG.secret", Host = server.Host }),
        MsOptions.Create(new MailOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10) }),
        MsOptions.Create(new SendGridOptions()),
        TimeProvider.System,
        NullLogger<SendGridTransport>.Instance);

    private static MailMessage Message(string[] to, string[]? cc = null, byte[]? attachment = null) => new(
        to, cc ?? [], [], "Board paper", "<p>Hello</p>", "Hello",
        attachment is null ? [] : [new MailAttachment("paper.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment)]);
}

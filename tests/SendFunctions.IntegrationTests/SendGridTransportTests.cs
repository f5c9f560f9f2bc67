using System.Text.Json;
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
        Assert.Equal(AttemptOutcome.Accepted, result.Outcome);
        Assert.Equal(mail.MessageId, result.MessageId);
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
    public async Task Send_Throttled_IsRefusedForNowWithTheServersRetryAfter()
    {
        var result = await Transport().SendAsync(Message(["throttle+2@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.False(result.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Send_BadRequest_IsRefusedForGoodWithSendGridsErrorText()
    {
        var result = await Transport().SendAsync(Message(["bad400@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.True(result.Permanent);
        Assert.Contains("The from email does not contain a valid address.", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.secret", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ConnectionRefused_IsNotSent()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var result = await Transport($"http://127.0.0.1:{port}").SendAsync(Message(["clerk@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(AttemptOutcome.NotSent, result.Outcome);
    }

    [Fact]
    public async Task Send_ServerClosesBeforeReadingALargeBody_IsNotSent()
    {
        server.Faults.Enqueue(SendGridFault.CloseBeforeBody);

        var result = await Transport().SendAsync(Message(["clerk@example.gov.uk"], attachment: LargePaper()), CancellationToken.None);

        Assert.Equal(AttemptOutcome.NotSent, result.Outcome);
        Assert.Empty(server.Unanswered);
    }

    [Fact]
    public async Task Send_ServerResetsAfterReadingTheBody_IsUnknown()
    {
        server.Faults.Enqueue(SendGridFault.ResetAfterBody);

        var result = await Transport().SendAsync(Message(["clerk@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(AttemptOutcome.Unknown, result.Outcome);
        Assert.Single(server.Unanswered);
    }

    [Fact]
    public async Task Send_ServerNeverAnswers_IsUnknownAfterTheRequestTimeout()
    {
        server.Faults.Enqueue(SendGridFault.NeverAnswer);

        var result = await Transport().SendAsync(Message(["clerk@example.gov.uk"]), CancellationToken.None);

        Assert.Equal(AttemptOutcome.Unknown, result.Outcome);
        Assert.Single(server.Unanswered);
    }

    /// <summary>Larger than the socket buffers between client and stand-in, so it cannot all be written before the stand-in resets.</summary>
    internal static byte[] LargePaper()
    {
        var paper = new byte[6 * 1024 * 1024];
        new Random(7).NextBytes(paper);
        return paper;
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

    private SendGridTransport Transport(string? host = null)
    {
        var options = new MailOptions { RequestTimeout = TimeSpan.FromSeconds(2) };
        return new(new SendGridClient(MailingRegistration.SendGridHttp(options), new SendGridClientOptions { ApiKey = "SG.secret", Host = host ?? server.Host }), MsOptions.Create(options), MsOptions.Create(new SendGridOptions()));
    }

    private static MailMessage Message(string[] to, string[]? cc = null, byte[]? attachment = null) => new(
        to, cc ?? [], [], "Board paper", "<p>Hello</p>", "Hello",
        attachment is null ? [] : [new MailAttachment("paper.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment)]);
}

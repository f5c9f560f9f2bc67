using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Mailing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// SendGrid's signed Event Webhook posted to the real host's HTTP endpoint, about emails sent through the real SendGrid
/// client to the local stand-in; SendGrid's signing is done here with a test key whose public half the host has.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class DeliveryEventsTests(HostFixture host)
{
    private const string Period = "2029-04";
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Webhook_SignedDeliveredEvent_ConfirmsAnUnconfirmedDelivery()
    {
        var key = await UnconfirmedRowAsync();
        var at = Now() - 60;
        var payload = Batch(Event(key, "hwb.clerk@example.gov.uk", "delivered", at), """{"email":"x@example.gov.uk","event":"open","deliveryId":"2029-04/x"}""");

        using var response = await PostSignedAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await Deliveries().GetEntityAsync<DeliveryRow>(Period, key)).Value;
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(at), row.SentAt);
        Assert.Null(row.LastError);
        var recipient = await RecipientAsync(key, "hwb.clerk@example.gov.uk");
        Assert.Equal(RecipientState.Delivered, recipient.State);
    }

    [Fact]
    public async Task Webhook_EventsPerRecipient_RecordDeliveredBouncedAndDroppedAndSendfxShowsThem()
    {
        var key = await SentAsync("ann@example.gov.uk", "BOB@example.gov.uk", "cat@example.gov.uk");
        Assert.Equal(RecipientState.Accepted, (await RecipientAsync(key, "bob@example.gov.uk")).State);
        var t = Now() - 300;

        using var response = await PostSignedAsync(Batch(
            Event(key, "ann@example.gov.uk", "processed", t),
            Event(key, "ann@example.gov.uk", "delivered", t + 2),
            Event(key, "bob@example.gov.uk", "processed", t),
            Event(key, "bob@example.gov.uk", "bounce", t + 3, reason: "550 5.1.1 mailbox unavailable"),
            Event(key, "cat@example.gov.uk", "dropped", t + 1, reason: "Bounced Address")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ann = await RecipientAsync(key, "ann@example.gov.uk");
        Assert.Equal((RecipientState.Delivered, DateTimeOffset.FromUnixTimeSeconds(t + 2)), (ann.State, ann.StateAt));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(t), ann.ProcessedAt);
        Assert.NotNull(ann.AcceptedAt);
        var bob = await RecipientAsync(key, "bob@example.gov.uk");
        Assert.Equal(RecipientState.Bounced, bob.State);
        Assert.Equal("550 5.1.1 mailbox unavailable", bob.LastError);
        var cat = await RecipientAsync(key, "cat@example.gov.uk");
        Assert.Equal(RecipientState.Dropped, cat.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(t + 1), cat.DroppedAt);

        var listing = await SendfxAsync("deliveries", "--period", Period);
        var lines = listing.Split('\n').SkipWhile(l => !l.StartsWith(key, StringComparison.Ordinal)).Take(4).ToList();
        Assert.Contains("NOT DELIVERED to 2", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("bob@example.gov.uk", StringComparison.Ordinal) && l.Contains("Bounced", StringComparison.Ordinal) && l.Contains("550 5.1.1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cat@example.gov.uk", StringComparison.Ordinal) && l.Contains("Dropped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ann@example.gov.uk", StringComparison.Ordinal) && l.Contains("Delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_EventsOutOfOrder_TheLatestEventDecidesWhateverArrivesLast()
    {
        var key = await SentAsync("late@example.gov.uk");
        var t = Now() - 600;

        using (var first = await PostSignedAsync(Batch(Event(key, "late@example.gov.uk", "delivered", t + 90))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await PostSignedAsync(Batch(
            Event(key, "late@example.gov.uk", "deferred", t + 60, reason: "421 try again later"),
            Event(key, "late@example.gov.uk", "processed", t))))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var row = await RecipientAsync(key, "late@example.gov.uk");
        Assert.Equal(RecipientState.Delivered, row.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(t + 90), row.StateAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(t), row.ProcessedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(t + 60), row.DeferredAt);
        Assert.Equal(1, row.Deferrals);
    }

    [Fact]
    public async Task Webhook_ExactReplay_IsAnsweredButAppliesNothingTwice()
    {
        var key = await SentAsync("twice@example.gov.uk");
        var t = Now() - 100;
        var payload = Batch(Event(key, "twice@example.gov.uk", "deferred", t, id: "evt-a"), Event(key, "twice@example.gov.uk", "deferred", t + 30, id: "evt-b"));
        var timestamp = Now().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(payload, timestamp);

        using var first = await PostAsync(payload, signature, timestamp);
        using var replay = await PostAsync(payload, signature, timestamp);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        using var answer = JsonDocument.Parse(await replay.Content.ReadAsStringAsync());
        Assert.Equal(0, answer.RootElement.GetProperty("applied").GetInt32());
        Assert.Equal(2, answer.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, (await RecipientAsync(key, "twice@example.gov.uk")).Deferrals);
    }

    [Fact]
    public async Task Webhook_FourConcurrentBatchesOfFifty_LoseNoEvent()
    {
        string[] recipients = ["r1@example.gov.uk", "r2@example.gov.uk", "r3@example.gov.uk", "r4@example.gov.uk", "r5@example.gov.uk"];
        var key = await SentAsync(recipients);
        var t = Now() - 3600;
        var batches = Enumerable.Range(0, 4).Select(b => Batch(Enumerable.Range(0, 50)
            .Select(i => Event(key, recipients[i % recipients.Length], "deferred", t + (b * 50) + i, id: $"evt-{b}-{i}")).ToArray())).ToList();

        var responses = await Task.WhenAll(batches.Select(b => PostSignedAsync(b)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        foreach (var recipient in recipients)
        {
            var row = await RecipientAsync(key, recipient);
            Assert.Equal(40, row.Deferrals);
            Assert.Equal(40, row.EventIds.Split(' ').Length);
        }
    }

    [Fact]
    public async Task Webhook_OneUnreadableEvent_IsSkippedAndTheRestOfItsBatchApplied()
    {
        var key = await SentAsync("good@example.gov.uk");
        var payload = Batch(
            $$"""{"email":"good@example.gov.uk","event":"delivered","timestamp":"yesterday","deliveryId":"{{Period}}/{{key}}"}""",
            Event(key, "good@example.gov.uk", "delivered", Now() - 5));

        using var response = await PostSignedAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("skipped").GetInt32());
        Assert.Equal(1, answer.RootElement.GetProperty("applied").GetInt32());
        Assert.Equal(RecipientState.Delivered, (await RecipientAsync(key, "good@example.gov.uk")).State);
    }

    [Theory]
    [InlineData(-11 * 60, HttpStatusCode.Unauthorized)] // stale: an old request replayed
    [InlineData(11 * 60, HttpStatusCode.Unauthorized)] // from the future
    [InlineData(-9 * 60, HttpStatusCode.OK)] // within the default tolerance of ten minutes
    public async Task Webhook_SignedTimestamp_IsCheckedAgainstTheHostsClock(int offsetSeconds, HttpStatusCode expected)
    {
        var key = await UnconfirmedRowAsync();
        var payload = Batch(Event(key, "a@example.gov.uk", "delivered", Now() - 700));

        using var response = await PostSignedAsync(payload, Now() + offsetSeconds);

        Assert.Equal(expected, response.StatusCode);
        var status = (await Deliveries().GetEntityAsync<DeliveryRow>(Period, key)).Value.Status;
        Assert.Equal(expected == HttpStatusCode.OK ? DeliveryStatus.Sent : DeliveryStatus.Unconfirmed, status);
    }

    [Fact]
    public async Task Webhook_BadSignature_IsRefusedAndChangesNothing()
    {
        var key = await UnconfirmedRowAsync();
        var payload = Batch(Event(key, "a@example.gov.uk", "delivered", Now()));
        var timestamp = Now().ToString(CultureInfo.InvariantCulture);

        using var response = await PostAsync(payload, Sign(payload.Replace("delivered", "bounce", StringComparison.Ordinal), timestamp), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DeliveryStatus.Unconfirmed, (await Deliveries().GetEntityAsync<DeliveryRow>(Period, key)).Value.Status);
    }

    [Theory]
    [InlineData(null, null)] // unsigned
    [InlineData("not base64 at all", "now")]
    [InlineData("c2lnbmF0dXJl", "now")] // base64, but not a DER signature
    [InlineData("c2lnbmF0dXJl", "")] // no timestamp
    [InlineData("c2lnbmF0dXJl", "12:00")] // not a Unix time
    public async Task Webhook_AnyVerificationFailure_Is401(string? signature, string? timestamp)
    {
        using var response = await PostAsync("[]", signature, timestamp == "now" ? Now().ToString(CultureInfo.InvariantCulture) : timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"event\":")]
    [InlineData("{\"event\":\"delivered\"}")]
    [InlineData("\u00ff\u00fe not JSON")]
    public async Task Webhook_SignedButMalformed_Is400(string payload)
    {
        using var response = await PostSignedAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_BodyOverTheLimit_Is413WithoutReadingIt()
    {
        var payload = "[" + new string(' ', 5 * 1024 * 1024) + "]";

        using var response = await PostSignedAsync(payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_ChunkedBodyOverTheLimit_Is413()
    {
        var payload = Encoding.UTF8.GetBytes("[" + new string(' ', 5 * 1024 * 1024) + "]");
        var timestamp = Now().ToString(CultureInfo.InvariantCulture);
        using var content = new StreamContent(new MemoryStream(payload));
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Sign(Encoding.UTF8.GetString(payload), timestamp));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_BounceOfAPaper_LogsTheAlertedWarningWithoutTheAddress()
    {
        var key = await SentAsync("gone@example.gov.uk");
        var payload = Batch(Event(key, "gone@example.gov.uk", "bounce", Now() - 10, reason: "550 <gone@example.gov.uk> unknown"));
        var logger = new FakeLogger<DeliveryEvents>();
        var events = new DeliveryEvents(host.Tables, TimeProvider.System, MsOptions.Create(new SendGridOptions { WebhookPublicKey = Convert.ToBase64String(host.WebhookKey.ExportSubjectPublicKeyInfo()) }), logger);
        var body = Encoding.UTF8.GetBytes(payload);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        var timestamp = Now().ToString(CultureInfo.InvariantCulture);
        context.Request.Headers["X-Twilio-Email-Event-Webhook-Signature"] = Sign(payload, timestamp);
        context.Request.Headers["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp;

        var result = await events.HandleAsync(context.Request, CancellationToken.None);

        Assert.Equal(200, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 3100);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(key, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gone@", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_MalformedWebhookKey_FailsAtStartNotOnTheFirstEvent()
    {
        using var misconfigured = FunctionHost.Create([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = host.ConnectionString,
            ["SendGrid:WebhookPublicKey"] = "bm90IGEga2V5", // base64 of "not a key"
        }), webhookUrls: "http://127.0.0.1:0").Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => misconfigured.StartAsync());

        Assert.Contains("SendGrid:WebhookPublicKey", ex.Message, StringComparison.Ordinal);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Batch(params string[] events) => "[" + string.Join(",", events) + "]";

    private static string Event(string key, string email, string name, long at, string? id = null, string? reason = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["email"] = email,
            ["event"] = name,
            ["timestamp"] = at,
            ["sg_event_id"] = id ?? Guid.NewGuid().ToString("N"),
            ["sg_message_id"] = "local.filter0001",
            ["deliveryId"] = $"{Period}/{key}",
            ["reason"] = reason,
        });

    private TableClient Deliveries() => host.Tables.GetTableClient(StorageLayout.DeliveriesTable);

    private async Task<RecipientRow> RecipientAsync(string key, string email) =>
        (await host.Tables.GetTableClient(StorageLayout.RecipientsTable).GetEntityAsync<RecipientRow>(Period, StorageLayout.RecipientKey(key, email))).Value;

    /// <summary>An email sent through the real ledger and SendGrid client to the stand-in: its recipients are recorded Accepted.</summary>
    private async Task<string> SentAsync(params string[] to)
    {
        var key = $"hwb-board-v9-{Guid.NewGuid():N}";
        var result = await host.Delivery(TimeProvider.System).DeliverAsync(Period, key, new MailMessage(to, [], [], "Paper", "<p>x</p>", "x", []), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, result.Status);
        return key;
    }

    private async Task<string> UnconfirmedRowAsync()
    {
        var key = $"hwb-board-v9-{Guid.NewGuid():N}";
        await Deliveries().CreateIfNotExistsAsync();
        await Deliveries().AddEntityAsync(new DeliveryRow { PartitionKey = Period, RowKey = key, Status = DeliveryStatus.Unconfirmed, LastError = "unconfirmed" });
        return key;
    }

    private string Sign(string payload, string timestamp) =>
        Convert.ToBase64String(host.WebhookKey.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    private Task<HttpResponseMessage> PostSignedAsync(string payload) => PostSignedAsync(payload, Now());

    private Task<HttpResponseMessage> PostSignedAsync(string payload, long timestamp)
    {
        var text = timestamp.ToString(CultureInfo.InvariantCulture);
        return PostAsync(payload, Sign(payload, text), text);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return await Http.SendAsync(request);
    }

    private async Task<string> SendfxAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SendFunctions.Cli.SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        Assert.Equal(0, exit);
        return output.ToString();
    }
}

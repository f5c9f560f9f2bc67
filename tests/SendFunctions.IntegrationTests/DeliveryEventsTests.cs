using System.Security.Cryptography;
using System.Text;
using SendFunctions.Mailing;

namespace SendFunctions.IntegrationTests;

/// <summary>SendGrid's signed Event Webhook posted to the real host's HTTP endpoint; SendGrid's signing is done here with a test key.</summary>
[Collection(HostTestGroup.Name)]
public sealed class DeliveryEventsTests(HostFixture host)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Webhook_SignedDeliveredEvent_ConfirmsAnUnconfirmedDelivery()
    {
        var key = await UnconfirmedRowAsync();
        var payload = $$"""[{"email":"hwb.clerk@example.gov.uk","event":"delivered","timestamp":1738368000,"sg_message_id":"abc.1","deliveryId":"2029-04/{{key}}"},{"email":"x@example.gov.uk","event":"open","deliveryId":"2029-04/{{key}}"}]""";

        using var response = await PostAsync(payload, Sign(payload, "1738368000"), "1738368000");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var row = (await host.Tables.GetTableClient("deliveries").GetEntityAsync<DeliveryRow>("2029-04", key)).Value;
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal("delivered", row.LastEvent);
        Assert.StartsWith("hwb.clerk@example.gov.uk", row.Delivered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_BadSignature_IsRefusedAndChangesNothing()
    {
        var key = await UnconfirmedRowAsync();
        var payload = $$"""[{"email":"a@example.gov.uk","event":"delivered","timestamp":1738368000,"deliveryId":"2029-04/{{key}}"}]""";
        var signedOther = Sign(payload.Replace("delivered", "bounce", StringComparison.Ordinal), "1738368000");

        using var response = await PostAsync(payload, signedOther, "1738368000");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        var row = (await host.Tables.GetTableClient("deliveries").GetEntityAsync<DeliveryRow>("2029-04", key)).Value;
        Assert.Equal(DeliveryStatus.Unconfirmed, row.Status);
    }

    [Fact]
    public async Task Webhook_Unsigned_IsRefused()
    {
        using var response = await PostAsync("[]", null, null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> UnconfirmedRowAsync()
    {
        var key = $"hwb-board-v9-{Guid.NewGuid():N}";
        var table = host.Tables.GetTableClient("deliveries");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new DeliveryRow { PartitionKey = "2029-04", RowKey = key, Status = DeliveryStatus.Unconfirmed });
        return key;
    }

    private string Sign(string payload, string timestamp) =>
        Convert.ToBase64String(host.WebhookKey.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

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
}

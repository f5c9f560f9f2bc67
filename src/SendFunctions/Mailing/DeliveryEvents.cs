using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendGrid.Helpers.EventWebhook;

namespace SendFunctions.Mailing;

/// <summary>
/// <c>POST /api/sendgrid/events</c>: SendGrid's Event Webhook. The signature (ECDSA over timestamp and body) is
/// checked before anything is read; each event updates its delivery row. A processed or delivered event also
/// confirms a delivery left unconfirmed by a crash between sending and recording.
/// </summary>
public sealed class DeliveryEvents(TableServiceClient tables, IOptions<SendGridOptions> options)
{
    public const string Route = "/api/sendgrid/events";
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(options.Value.WebhookPublicKey))
        {
            return Results.Problem("The webhook's verification key (SendGrid:WebhookPublicKey) is not configured.", statusCode: 503);
        }

        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        if (!Verified(payload, request.Headers[SignatureHeader].ToString(), request.Headers[TimestampHeader].ToString()))
        {
            return Results.Unauthorized();
        }

        var table = await DeliveryLedger.TableAsync(tables, ct);
        var updated = 0;
        foreach (var delivery in DeliveryEvent.Parse(payload))
        {
            updated += await ApplyAsync(table, delivery, ct) ? 1 : 0;
        }

        return Results.Ok(new { updated });
    }

    private bool Verified(string payload, string signature, string timestamp)
    {
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return false;
        }

        var validator = new RequestValidator();
        var key = validator.ConvertPublicKeyToECDSA(options.Value.WebhookPublicKey!);
        try
        {
            return validator.VerifySignature(key, payload, signature, timestamp);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task<bool> ApplyAsync(TableClient table, DeliveryEvent delivery, CancellationToken ct)
    {
        var slash = delivery.DeliveryId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        var found = await table.GetEntityIfExistsAsync<DeliveryRow>(delivery.DeliveryId[..slash], delivery.DeliveryId[(slash + 1)..], cancellationToken: ct);
        if (!found.HasValue)
        {
            return false;
        }

        var row = found.Value!;
        row.LastEvent = delivery.Event;
        row.LastEventAt = delivery.At;
        var summary = $"{delivery.Email} {delivery.At:u} {delivery.Reason}".Trim();
        switch (delivery.Event)
        {
            case "processed":
                row.Processed = summary;
                break;
            case "delivered":
                row.Delivered = summary;
                break;
            case "deferred":
                row.Deferred = summary;
                break;
            case "bounce":
                row.Bounce = summary;
                break;
            case "dropped":
                row.Dropped = summary;
                break;
        }

        if (delivery.Event is "processed" or "delivered" && row.Status == DeliveryStatus.Unconfirmed)
        {
            row.Status = DeliveryStatus.Sent;
        }

        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // changed meanwhile; SendGrid retries the batch if we answer non-2xx, but one lost event field is harmless
        }
    }
}

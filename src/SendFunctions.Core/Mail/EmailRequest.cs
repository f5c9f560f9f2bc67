using System.Text.Json;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Mail;

/// <summary>An <c>email-requests</c> message: one paper version to send to its distribution list.</summary>
/// <param name="Highlights">Sentences summarising the paper (headline counts, what changed since last month).</param>
/// <param name="Attention">What needs attention: at-risk milestones, overdue actions.</param>
/// <param name="Resend">Set by a deliberate resend: a new delivery, recorded apart from the first.</param>
public sealed record EmailRequest(
    string Period,
    string Report,
    int Version,
    string Blob,
    string Title,
    IReadOnlyList<string>? Highlights = null,
    IReadOnlyList<string>? Attention = null,
    string? Resend = null)
{
    /// <summary>The delivery ledger's row for this request: one per paper version and distribution list (and per deliberate resend).</summary>
    public string DeliveryKey => Resend is null ? $"v{Version}-distribution" : $"v{Version}-resend-{Resend}";

    public const string QueueName = "email-requests";

    public string ToJson() => JsonSerializer.Serialize(this, Json.Compact);

    public static EmailRequest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EmailRequest>(json, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

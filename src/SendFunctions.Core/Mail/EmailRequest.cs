using System.Text.Json;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Mail;

/// <summary>An <c>email-requests</c> message: one paper version to send to its distribution list.</summary>
public sealed record EmailRequest(string Period, string Report, int Version, string Blob, string Title)
{
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

using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Mail;

/// <summary>
/// An <c>owner-emails</c> message: one email to a data owner (or the programme lead), sent once through the delivery
/// ledger under <see cref="DeliveryKey"/>. Either feedback on an upload (composed when sent, from the validation report
/// stored for it) or a reminder (composed when planned; small, with no attachment).
/// </summary>
public sealed record OwnerEmailRequest(ReportingPeriod Period, string DeliveryKey, UploadFeedback? Feedback = null, MailMessage? Reminder = null)
{
    public const string QueueName = "owner-emails";

    public static OwnerEmailRequest For(UploadFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new(feedback.Period, feedback.DeliveryKey, feedback);
    }

    public static OwnerEmailRequest For(ReportingPeriod period, string deliveryKey, MailMessage reminder) => new(period, deliveryKey, null, reminder);

    public string ToJson() => JsonSerializer.Serialize(this, Json.Compact);

    /// <summary>Null when the message is not a valid request (exactly one of feedback and reminder, and a key).</summary>
    public static OwnerEmailRequest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<OwnerEmailRequest>(json, Json.Options) is { DeliveryKey.Length: > 0 } request && (request.Feedback is null) != (request.Reminder is null)
                ? request
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the feedback email on one upload needs: the upload's identity (which names its validation report) and the owner.</summary>
/// <param name="LooksLikeOwner">For another return uploaded under this one's name: the owner of the return it looks like, named in the email.</param>
public sealed record UploadFeedback(ReportingPeriod Period, Dataset Dataset, FileFormat Format, string Blob, DateTimeOffset UploadedAt, string ETag, Person Owner, Person? LooksLikeOwner = null)
{
    [JsonIgnore]
    public DropPath Drop => new(Period, Dataset, Format);

    /// <summary>The ledger's row: one per upload.</summary>
    [JsonIgnore]
    public string DeliveryKey => $"drop-{Dataset.ToSlug()}-{StorageLayout.Stamp(UploadedAt, ETag)}";

    [JsonIgnore]
    public string ReportJson => StorageLayout.ValidationName(Drop, UploadedAt, ETag, "json");

    [JsonIgnore]
    public string ReportCsv => StorageLayout.ValidationName(Drop, UploadedAt, ETag, "csv");
}

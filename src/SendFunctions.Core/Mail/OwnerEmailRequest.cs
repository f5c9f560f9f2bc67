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
/// stored for it) or a reminder (composed when planned). A queue message holds at most 64 KB of Base64, 48 KB of JSON:
/// a reminder too large for that (its return template, some hundreds of rows) names its attachments in
/// <see cref="StoredAttachments"/> instead of carrying them (<see cref="ByReference"/>).
/// </summary>
/// <param name="StoredAttachments">Attachments of <see cref="Reminder"/> waiting in <see cref="StorageLayout.MailAttachments"/>; null for none (every message queued before they existed).</param>
public sealed record OwnerEmailRequest(ReportingPeriod Period, string DeliveryKey, UploadFeedback? Feedback = null, MailMessage? Reminder = null, IReadOnlyList<StoredAttachment>? StoredAttachments = null)
{
    public const string QueueName = "owner-emails";

    /// <summary>The most JSON a message may carry: the queue's 64 KB hold 48 KB once Base64-encoded.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    public static OwnerEmailRequest For(UploadFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new(feedback.Period, feedback.DeliveryKey, feedback);
    }

    public static OwnerEmailRequest For(ReportingPeriod period, string deliveryKey, MailMessage reminder) => new(period, deliveryKey, null, reminder);

    public string ToJson() => JsonSerializer.Serialize(this, Json.Compact);

    /// <summary>
    /// The message to queue and the blobs to write before it: this request as it is when it fits in a message, else with
    /// its reminder's attachments named by blob (<see cref="StorageLayout.MailAttachmentName"/>) instead of carried.
    /// </summary>
    public QueuedOwnerEmail ByReference()
    {
        if (Reminder is not { Attachments.Count: > 0 } reminder || System.Text.Encoding.UTF8.GetByteCount(ToJson()) <= MaxMessageBytes)
        {
            return new QueuedOwnerEmail(this, []);
        }

        var blobs = reminder.Attachments.Select((a, i) => new AttachmentBlob(StorageLayout.MailAttachmentName(Period, DeliveryKey, i, a.FileName), a)).ToList();
        return new QueuedOwnerEmail(
            this with
            {
                Reminder = reminder with { Attachments = [] },
                StoredAttachments = [.. StoredAttachments ?? [], .. blobs.Select(b => new StoredAttachment(b.Attachment.FileName, b.Attachment.ContentType, b.Blob))],
            },
            blobs);
    }

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

/// <summary>An attachment of an owner email waiting in <see cref="StorageLayout.MailAttachments"/> under <paramref name="Blob"/>.</summary>
public sealed record StoredAttachment(string FileName, string ContentType, string Blob);

/// <summary>An attachment and the blob it is written to before its email is queued.</summary>
public sealed record AttachmentBlob(string Blob, MailAttachment Attachment);

/// <summary>An owner-emails message ready to queue, once its <see cref="Blobs"/> are written.</summary>
public sealed record QueuedOwnerEmail(OwnerEmailRequest Request, IReadOnlyList<AttachmentBlob> Blobs);

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

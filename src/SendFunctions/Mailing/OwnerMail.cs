using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;

namespace SendFunctions.Mailing;

/// <summary>Asks for an email to a data owner or the lead: <see cref="SendOwnerEmails"/> sends it once, with the queue's retries behind it.</summary>
internal static class OwnerMail
{
    /// <summary>Attachments too large for the message are written first (<see cref="OwnerEmailRequest.ByReference"/>), so a queued message never names a blob that is not there.</summary>
    /// <param name="work">When given, the request is also recorded as queued, so that it is queued again should an instance take it and die before starting it.</param>
    public static async Task QueueAsync(BlobServiceClient blobs, QueueServiceClient queues, OwnerEmailRequest request, CancellationToken ct, Recovery.InFlightWork? work = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(request);
        var queued = request.ByReference();
        if (queued.Blobs.Count > 0)
        {
            var container = await CreatedOnFirstUse.ContainerAsync(blobs, StorageLayout.MailAttachments, ct);
            foreach (var blob in queued.Blobs)
            {
                await container.GetBlobClient(blob.Blob).UploadAsync(new BinaryData(blob.Attachment.Content), overwrite: true, ct);
            }
        }

        var queue = await CreatedOnFirstUse.QueueAsync(queues, OwnerEmailRequest.QueueName, ct);
        var json = queued.Request.ToJson();
        var sent = await queue.SendMessageAsync(json, ct);
        if (work is not null)
        {
            await work.QueuedAsync(request.Period.ToString(), Operations.RunRow.MailedRunId(sent.Value.MessageId, nameof(SendOwnerEmails)), nameof(SendOwnerEmails), SendOwnerEmails.SubjectOf(request, json), OwnerEmailRequest.QueueName, json, ct);
        }
    }

    /// <summary>
    /// Whether nothing will send this delivery again from its message: sent, refused for good, possibly sent
    /// (<see cref="DeliveryStatus.Unconfirmed"/>: never resent blindly) or superseded. Not <see cref="DeliveryStatus.Poisoned"/>,
    /// whose message ops may move back from the poison queue to be tried again, nor a send under way or waiting to retry.
    /// </summary>
    public static bool IsSettled(DeliveryStatus? status) =>
        status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Superseded;

    /// <summary>
    /// Deletes the email's attachments waiting in <see cref="StorageLayout.MailAttachments"/> once the ledger says it is
    /// settled (<see cref="IsSettled"/>): a return template can name people, and no retry can need it any more. Kept otherwise;
    /// the container's lifecycle rule deletes what is left after a week (infra/modules/storage.bicep).
    /// </summary>
    public static async Task ForgetStoredAttachmentsAsync(BlobServiceClient blobs, OwnerEmailRequest request, DeliveryStatus? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(request);
        if (request.StoredAttachments is not { Count: > 0 } stored || !IsSettled(status))
        {
            return;
        }

        var container = blobs.GetBlobContainerClient(StorageLayout.MailAttachments);
        foreach (var attachment in stored)
        {
            await container.GetBlobClient(attachment.Blob).DeleteIfExistsAsync(Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
    }

    /// <summary>The reminder with its attachments that wait in storage put back; null when one of them is missing.</summary>
    public static async Task<MailMessage?> WithStoredAttachmentsAsync(BlobServiceClient blobs, MailMessage reminder, IReadOnlyList<StoredAttachment>? stored, CancellationToken ct)
    {
        if (stored is not { Count: > 0 })
        {
            return reminder;
        }

        var container = blobs.GetBlobContainerClient(StorageLayout.MailAttachments);
        var attachments = new List<MailAttachment>(reminder.Attachments);
        try
        {
            foreach (var attachment in stored)
            {
                var content = (await container.GetBlobClient(attachment.Blob).DownloadContentAsync(ct)).Value.Content.ToArray();
                attachments.Add(new MailAttachment(attachment.FileName, attachment.ContentType, content));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        return reminder with { Attachments = attachments };
    }
}

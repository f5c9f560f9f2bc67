using Azure.Storage.Queues;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>Asks for an email to a data owner or the lead: <see cref="SendOwnerEmails"/> sends it once, with the queue's retries behind it.</summary>
internal static class OwnerMail
{
    public static async Task QueueAsync(QueueServiceClient queues, OwnerEmailRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(request);
        var queue = queues.GetQueueClient(OwnerEmailRequest.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync(request.ToJson(), ct);
    }
}

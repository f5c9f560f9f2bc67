using Azure.Storage.Queues;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>Asks for an email to a data owner or the lead: <see cref="SendOwnerEmails"/> sends it once, with the queue's retries behind it.</summary>
internal static class OwnerMail
{
    /// <param name="work">When given, the request is also recorded as queued, so that it is queued again should an instance take it and die before starting it.</param>
    public static async Task QueueAsync(QueueServiceClient queues, OwnerEmailRequest request, CancellationToken ct, Recovery.InFlightWork? work = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(request);
        var queue = queues.GetQueueClient(OwnerEmailRequest.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var json = request.ToJson();
        var sent = await queue.SendMessageAsync(json, ct);
        if (work is not null)
        {
            await work.QueuedAsync(request.Period.ToString(), Operations.RunRow.MailedRunId(sent.Value.MessageId, nameof(SendOwnerEmails)), nameof(SendOwnerEmails), $"{OwnerEmailRequest.QueueName} {request.DeliveryKey}", OwnerEmailRequest.QueueName, json, ct);
        }
    }
}

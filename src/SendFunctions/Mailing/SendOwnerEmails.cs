using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Recovery;

namespace SendFunctions.Mailing;

/// <summary>
/// <c>owner-emails</c>: an upload's receipt or rejection, or a reminder, sent once through the delivery ledger. Retried by
/// the queue like papers, poisoned (and alerted) after the last attempt; a refusal for good fails the run, which alerts.
/// </summary>
public sealed class SendOwnerEmails(BlobServiceClient blobs, QueueServiceClient queues, MailDelivery delivery, TimeProvider time, InFlightWork work, ILogger<SendOwnerEmails> log)
{
    [FunctionName(nameof(SendOwnerEmails))]
    public async Task Run([QueueTrigger(OwnerEmailRequest.QueueName)] string message, string id, int dequeueCount, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var request = OwnerEmailRequest.FromJson(message);
        await using var inFlight = await work.StartAsync(request?.Period.ToString() ?? StorageLayout.NoPeriod, RunRow.MailedRunId(id, nameof(SendOwnerEmails)), nameof(SendOwnerEmails), SubjectOf(request, message), OwnerEmailRequest.QueueName, message, ct);
        DeliveryResult result;
        try
        {
            result = request is null
                ? new DeliveryResult(DeliveryStatus.Failed, "The owner email request is not valid JSON.", null)
                : await SendAsync(request, ct);
        }
        catch (MailSendException ex)
        {
            // Transient: the ledger row says RetryPending; rethrown so the queue delivers the message again (to the poison queue in the end).
            await RecordAsync(inFlight, request, id, message, new DeliveryResult(DeliveryStatus.RetryPending, ex.Message, null), started, dequeueCount, CancellationToken.None);
            throw;
        }

        if (result.BusyUntil is { } until)
        {
            await MailRuns.RequeueAsync(queues, OwnerEmailRequest.QueueName, message, $"{request!.Period}/{request.DeliveryKey}", until, time.GetUtcNow(), log, ct);
        }

        await RecordAsync(inFlight, request, id, message, result, started, dequeueCount, ct);
    }

    /// <summary>A reminder goes as planned, with any attachment that waited in storage; feedback is composed from the upload's stored validation report and sent with it as a spreadsheet.</summary>
    internal async Task<DeliveryResult> SendAsync(OwnerEmailRequest request, CancellationToken ct)
    {
        if (request.Reminder is { } planned)
        {
            var result = await OwnerMail.WithStoredAttachmentsAsync(blobs, planned, request.StoredAttachments, ct) is { } reminder
                ? await delivery.DeliverAsync(request.Period.ToString(), request.DeliveryKey, reminder, ct)
                : await WithoutStoredAttachmentAsync(request, ct);
            if (request.StoredAttachments is { Count: > 0 })
            {
                await OwnerMail.ForgetStoredAttachmentsAsync(blobs, request, await delivery.StatusAsync(request.Period.ToString(), request.DeliveryKey, ct), ct);
            }

            return result;
        }

        var feedback = request.Feedback!;
        var reports = blobs.GetBlobContainerClient(StorageLayout.Validation);
        try
        {
            var json = (await reports.GetBlobClient(feedback.ReportJson).DownloadContentAsync(ct)).Value.Content;
            var csv = (await reports.GetBlobClient(feedback.ReportCsv).DownloadContentAsync(ct)).Value.Content.ToArray();
            if (ValidationReportJson.Read(json.ToMemory().Span) is not { } report)
            {
                return new DeliveryResult(DeliveryStatus.Failed, $"The validation report {StorageLayout.Validation}/{feedback.ReportJson} names no dataset or period.", null);
            }

            return await delivery.DeliverAsync(request.Period.ToString(), request.DeliveryKey, OwnerEmail.For(feedback.Blob, report, feedback.Owner, csv, feedback.LooksLikeOwner), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"The validation report {StorageLayout.Validation}/{feedback.ReportJson} (or its .csv) does not exist.", null);
        }
    }

    /// <summary>
    /// A stored attachment is gone: deleted once its email was settled (this message is a copy, or returned after the copy
    /// sent it), so nothing to do; otherwise the reminder cannot be sent as planned.
    /// </summary>
    private async Task<DeliveryResult> WithoutStoredAttachmentAsync(OwnerEmailRequest request, CancellationToken ct) =>
        await delivery.StatusAsync(request.Period.ToString(), request.DeliveryKey, ct) is { } status && OwnerMail.IsSettled(status)
            ? new DeliveryResult(DeliveryStatus.Skipped, $"already {status}; its stored attachment was deleted then", null)
            : new DeliveryResult(DeliveryStatus.Failed, $"An attachment of the reminder in {StorageLayout.MailAttachments} ({string.Join(", ", request.StoredAttachments!.Select(a => a.Blob))}) does not exist.", null);

    private Task RecordAsync(InFlight inFlight, OwnerEmailRequest? request, string id, string message, DeliveryResult result, DateTimeOffset started, int dequeueCount, CancellationToken ct) =>
        inFlight.FinishAsync(RunRow.Mailed(
            request?.Period.ToString(), id, MailRuns.OutcomeOf(result.Status), SubjectOf(request, message),
            $"{result.Status}: {result.Detail}", dequeueCount, started, time.GetUtcNow(), nameof(SendOwnerEmails)), log, ct);

    /// <summary>The run row's subject: the queue and delivery key, or the message itself when it is not a valid request.</summary>
    internal static string SubjectOf(OwnerEmailRequest? request, string message) =>
        request is null ? message : $"{OwnerEmailRequest.QueueName} {request.DeliveryKey}";
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Operations;
using SendFunctions.Recovery;
using SendFunctions.Reporting;

namespace SendFunctions.Mailing;

/// <summary><c>email-requests</c>: each paper version to its distribution list, exactly once (DESIGN.md, "Email").</summary>
public sealed class SendReports(BlobServiceClient blobs, QueueServiceClient queues, MailDelivery delivery, TimeProvider time, IOptions<MailOptions> options, ILogger<SendReports> log, ProgrammeClock clock, InFlightWork work)
{
    [FunctionName(nameof(SendReports))]
    public async Task Run([QueueTrigger(EmailRequest.QueueName)] string message, string id, int dequeueCount, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var request = EmailRequest.FromJson(message);
        await using var inFlight = await work.StartAsync(request?.Paper.Period.ToString() ?? StorageLayout.NoPeriod, RunRow.MailedRunId(id, nameof(SendReports)), nameof(SendReports), message, EmailRequest.QueueName, message, ct);
        try
        {
            var result = request is null
                ? new DeliveryResult(DeliveryStatus.Failed, "The email request is not valid JSON.", null)
                : await SendAsync(request, ct);
            if (result.BusyUntil is { } until)
            {
                await MailRuns.RequeueAsync(queues, EmailRequest.QueueName, message, $"{request!.Paper.Period}/{request.DeliveryKey}", until, time.GetUtcNow(), log, ct);
            }

            await RecordAsync(inFlight, request, id, message, result.Status, result.Detail, started, dequeueCount, ct);
        }
        catch (MailSendException ex)
        {
            // Transient: the ledger row says RetryPending; rethrown so the queue delivers the message again (to the poison queue in the end).
            await RecordAsync(inFlight, request, id, message, DeliveryStatus.RetryPending, ex.Message, started, dequeueCount, CancellationToken.None);
            throw;
        }
    }

    /// <summary>One paper to its distribution list: compose from reporting.json and the paper, attach it (or link it when too large), deliver once.</summary>
    internal async Task<DeliveryResult> SendAsync(EmailRequest request, CancellationToken ct)
    {
        var config = await ProgrammeConfigStore.LoadAsync(blobs, log, ct);
        if (config.Config?.ReportFor(request.Paper.Kind.ToSlug()) is not { } settings)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"reporting.json has no distribution list for '{request.Paper.Kind.ToSlug()}': {string.Join(" ", config.Problems)}", null);
        }

        // A version still waiting to go when a revision of it was signed off and distributed does not go as well (docs/operations.md, "Superseded").
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        if (request.Resend is null && await SignOffStore.DistributedRevisionAsync(reports, request.Paper, ct) is { } revision)
        {
            var detail = $"Not sent: version {revision} of this paper was signed off and distributed in its place before this version went.";
            var settled = await delivery.SupersedeAsync(request.Paper.Period.ToString(), request.DeliveryKey, detail, ct);
            if (settled == DeliveryStatus.Superseded)
            {
                return new DeliveryResult(DeliveryStatus.Superseded, detail, null);
            }
        }

        var paper = reports.GetBlobClient(request.DocumentBlob);
        long size;
        try
        {
            size = (await paper.GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"The paper {StorageLayout.Reports}/{request.DocumentBlob} does not exist.", null);
        }

        var form = ReportEmail.FormFor(size, options.Value.MaxAttachmentBytes, settings.Confidential);
        if (form == PaperForm.TooLargeToSend)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"The paper {request.DocumentBlob} is confidential and too large to attach ({size} bytes, SendGrid carries {ReportEmail.SendGridMaxAttachmentBytes}); confidential papers are never sent as links.", null);
        }

        var replyTo = config.Config?.Programme?.ReplyToAddress;
        if (form == PaperForm.Linked)
        {
            var (link, unavailable) = await PaperLinks.CreateAsync(blobs, paper, time.GetUtcNow(), TimeSpan.FromDays(options.Value.LinkExpiryDays), clock.Zone, ct);
            if (link is not null)
            {
                return await delivery.DeliverAsync(request.Paper.Period.ToString(), request.DeliveryKey, ReportEmail.Compose(request, settings, replyTo, null, link), ct);
            }

            // No link can be signed: attach the paper when SendGrid can carry it, else say why it was not sent.
            if (size > ReportEmail.SendGridMaxAttachmentBytes)
            {
                return new DeliveryResult(DeliveryStatus.Failed, $"The paper {request.DocumentBlob} is too large to attach ({size} bytes, SendGrid carries {ReportEmail.SendGridMaxAttachmentBytes}) and no link could be made: {unavailable}.", null);
            }

            Log.LinkUnavailable(log, request.DocumentBlob, unavailable ?? string.Empty);
        }

        var content = (await paper.DownloadContentAsync(ct)).Value.Content.ToArray();
        var message = ReportEmail.Compose(request, settings, replyTo, new MailAttachment(request.FileName, ReportStore.DocxContentType, content), null);
        return await delivery.DeliverAsync(request.Paper.Period.ToString(), request.DeliveryKey, message, ct);
    }

    private Task RecordAsync(InFlight inFlight, EmailRequest? request, string id, string message, DeliveryStatus status, string detail, DateTimeOffset started, int dequeueCount, CancellationToken ct)
    {
        return inFlight.FinishAsync(RunRow.Mailed(request?.Paper.Period.ToString(), id, MailRuns.OutcomeOf(status), message, $"{status}: {detail}", dequeueCount, started, time.GetUtcNow()), log, ct);
    }
}

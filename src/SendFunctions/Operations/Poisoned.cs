using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Mailing;

namespace SendFunctions.Operations;

/// <summary>
/// Messages that failed every attempt: recorded as <c>Poisoned</c> runs and logged as errors (event 3002, the one alert
/// for a poisoned message). An email's delivery row is settled with it: <c>Poisoned</c> when it is known not to have
/// gone, <c>Unconfirmed</c> when a request may have reached SendGrid, so no row is left saying it will be retried.
/// </summary>
public sealed class Poisoned(TableServiceClient tables, Azure.Storage.Blobs.BlobServiceClient blobs, TimeProvider time, ILogger<Poisoned> log)
{
    [FunctionName("EmailRequestPoisoned")]
    public async Task Email([QueueTrigger(EmailRequest.QueueName + "-poison")] string message, string id, CancellationToken ct)
    {
        var request = EmailRequest.FromJson(message);
        var settled = request is null ? null : await SettleAsync(request.Paper.Period.ToString(), request.DeliveryKey, ct);
        await RecordAsync(EmailRequest.QueueName, request?.Paper.Period.ToString(), message, message, settled, id, ct);
    }

    /// <summary>The message names the owner, so the log and the run carry its delivery key instead; the text stays in the poison queue.</summary>
    [FunctionName("OwnerEmailPoisoned")]
    public async Task OwnerEmail([QueueTrigger(OwnerEmailRequest.QueueName + "-poison")] string message, string id, CancellationToken ct)
    {
        var request = OwnerEmailRequest.FromJson(message);
        var settled = request is null ? null : await SettleAsync(request.Period.ToString(), request.DeliveryKey, ct);
        if (request is not null)
        {
            await OwnerMail.ForgetStoredAttachmentsAsync(blobs, request, settled, ct); // kept while Poisoned: moving the message back sends it
        }

        var subject = request is null ? "an owner email request that is not valid JSON" : $"{OwnerEmailRequest.QueueName} {request.Period}/{request.DeliveryKey}";
        await RecordAsync(OwnerEmailRequest.QueueName, request?.Period.ToString(), subject, subject, settled, id, ct);
    }

    [FunctionName("ReportRequestPoisoned")]
    public Task Report([QueueTrigger(ReportRequest.QueueName + "-poison")] string message, string id, CancellationToken ct) =>
        RecordAsync(ReportRequest.QueueName, ReportRequest.Parse(message).Request?.Period.ToString(), message, message, null, id, ct);

    private async Task<DeliveryStatus?> SettleAsync(string period, string deliveryKey, CancellationToken ct) =>
        await DeliveryLedger.PoisonAsync(await DeliveryLedger.TableAsync(tables, ct), period, deliveryKey, time.GetUtcNow(), ct);

    private async Task RecordAsync(string queue, string? period, string logged, string subject, DeliveryStatus? delivery, string id, CancellationToken ct)
    {
        Log.Poisoned(log, queue, logged, delivery?.ToString() ?? "none");
        await RunLedger.RecordAsync(tables, RunRow.Poisoned(period, queue, id, subject, time.GetUtcNow()), log, ct);
    }
}

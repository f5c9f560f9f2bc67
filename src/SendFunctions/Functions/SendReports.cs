using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;
using SendFunctions.Mail;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary><c>email-requests</c>: each paper version to its distribution list, exactly once (DESIGN.md, "Email").</summary>
public sealed class SendReports(ReportMailing mailing, TableServiceClient tables, TimeProvider time, ILogger<SendReports> log)
{
    [FunctionName(nameof(SendReports))]
    public async Task Run([QueueTrigger(EmailRequest.QueueName)] string message, string id, int dequeueCount, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var request = EmailRequest.FromJson(message);
        var partition = request?.Period ?? "_unrecognised";
        var runId = $"{nameof(SendReports)}-{id}";
        try
        {
            var result = request is null
                ? new DeliveryResult(DeliveryStatus.Failed, "The email request is not valid JSON.", null)
                : await mailing.RunAsync(request, ct);
            await RunLedger.RecordAsync(tables, Record(partition, runId, message, result.Status, result.Detail, started, dequeueCount), log, ct);
        }
        catch (MailSendException ex)
        {
            // Transient: recorded, then rethrown so the queue delivers the message again (to the poison queue in the end).
            await RunLedger.RecordAsync(tables, Record(partition, runId, message, DeliveryStatus.RetryPending, ex.Message, started, dequeueCount), log, ct);
            throw;
        }
    }

    private RunRecord Record(string partition, string runId, string message, DeliveryStatus status, string detail, DateTimeOffset started, int dequeueCount) => new(
        partition, runId, nameof(SendReports),
        status switch
        {
            DeliveryStatus.Sent => RunOutcome.Succeeded,
            DeliveryStatus.Skipped => RunOutcome.Skipped,
            _ => RunOutcome.Failed,
        },
        message, $"{status}: {detail}", started, time.GetUtcNow(), new Dictionary<string, int> { ["DequeueCount"] = dequeueCount });
}

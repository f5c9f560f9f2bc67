using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>Messages that failed every attempt: recorded as <c>Poisoned</c> runs (the alert rule watches for them) and logged as errors.</summary>
public sealed class Poisoned(TableServiceClient tables, TimeProvider time, ILogger<Poisoned> log)
{
    [FunctionName("EmailRequestPoisoned")]
    public Task Email([QueueTrigger(EmailRequest.QueueName + "-poison")] string message, string id, CancellationToken ct) =>
        RecordAsync(EmailRequest.QueueName, EmailRequest.FromJson(message)?.Period, message, id, ct);

    [FunctionName("ReportRequestPoisoned")]
    public Task Report([QueueTrigger(ReportRequest.QueueName + "-poison")] string message, string id, CancellationToken ct) =>
        RecordAsync(ReportRequest.QueueName, ReportRequest.Parse(message).Request?.Period.ToString(), message, id, ct);

    private async Task RecordAsync(string queue, string? period, string message, string id, CancellationToken ct)
    {
        Log.Poisoned(log, queue, message);
        var now = time.GetUtcNow();
        await RunLedger.RecordAsync(tables, new RunRecord(
            period ?? "_unrecognised", $"Poisoned-{id}", $"{queue}-poison", RunOutcome.Poisoned, message,
            $"Failed on every attempt and moved to {queue}-poison. See the failed runs for this period; after fixing the cause, re-queue it (sendfx request or sendfx resend).",
            now, now, new Dictionary<string, int>()), log, ct);
    }
}

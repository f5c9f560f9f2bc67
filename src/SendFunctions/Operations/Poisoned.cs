using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;

namespace SendFunctions.Operations;

/// <summary>Messages that failed every attempt: recorded as <c>Poisoned</c> runs (the alert rule watches for them) and logged as errors.</summary>
public sealed class Poisoned(TableServiceClient tables, TimeProvider time, ILogger<Poisoned> log)
{
    [FunctionName("EmailRequestPoisoned")]
    public Task Email([QueueTrigger(EmailRequest.QueueName + "-poison")] string message, string id, CancellationToken ct) =>
        RecordAsync(EmailRequest.QueueName, EmailRequest.FromJson(message)?.Paper.Period.ToString(), message, id, ct);

    [FunctionName("ReportRequestPoisoned")]
    public Task Report([QueueTrigger(ReportRequest.QueueName + "-poison")] string message, string id, CancellationToken ct) =>
        RecordAsync(ReportRequest.QueueName, ReportRequest.Parse(message).Request?.Period.ToString(), message, id, ct);

    private async Task RecordAsync(string queue, string? period, string message, string id, CancellationToken ct)
    {
        Log.Poisoned(log, queue, message);
        await RunLedger.RecordAsync(tables, RunRow.Poisoned(period, queue, id, message, time.GetUtcNow()), log, ct);
    }
}

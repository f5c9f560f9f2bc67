using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>On schedule (<c>%MonthlyReportSchedule%</c>), asks for every paper for the month just ended, in UK time.</summary>
public sealed class MonthlyReportCycle(QueueServiceClient queues, TableServiceClient tables, TimeProvider time, IOptions<ProgrammeOptions> options, ILogger<MonthlyReportCycle> log)
{
    [FunctionName(nameof(MonthlyReportCycle))]
    public async Task Run([TimerTrigger("%MonthlyReportSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.TimeZone).DateTime);
        var period = ReportingPeriod.Containing(today).Previous;
        var queue = queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync(new ReportRequest(period, []).ToJson(), ct);
        Log.CycleRequested(log, period);
        var now = time.GetUtcNow();
        await RunLedger.RecordAsync(tables, new RunRecord(period.ToString(), $"{nameof(MonthlyReportCycle)}-{today:yyyy-MM-dd}", nameof(MonthlyReportCycle), RunOutcome.Succeeded,
            $"{ReportRequest.QueueName}", $"requested every paper for {period}", now, now, new Dictionary<string, int>()), log, ct);
    }
}

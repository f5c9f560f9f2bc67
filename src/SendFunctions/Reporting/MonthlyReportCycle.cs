using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Hosting;
using SendFunctions.Operations;

namespace SendFunctions.Reporting;

/// <summary>On schedule (<c>%MonthlyReportSchedule%</c>), asks for every paper for the month just ended in the programme's time zone.</summary>
public sealed class MonthlyReportCycle(QueueServiceClient queues, TableServiceClient tables, ProgrammeClock clock, ILogger<MonthlyReportCycle> log)
{
    [FunctionName(nameof(MonthlyReportCycle))]
    public async Task Run([TimerTrigger("%MonthlyReportSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var today = clock.Today;
        var period = ReportingPeriod.Containing(today).Previous;
        var queue = queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync(new ReportRequest(period, []).ToJson(), ct);
        Log.CycleRequested(log, period);
        await RunLedger.RecordAsync(tables, RunRow.CycleRequested(period.ToString(), today, $"requested every paper for {period}", clock.UtcNow), log, ct);
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Hosting;
using SendFunctions.Operations;

namespace SendFunctions.Reporting;

/// <summary>
/// On schedule (<c>%MonthlyReportSchedule%</c>), asks for the papers for the month just ended in the programme's time zone:
/// every paper of a kind without a committee calendar (<see cref="MonthlyPapers"/>; committee papers follow their calendar),
/// and none once the programme has ended.
/// </summary>
public sealed class MonthlyReportCycle(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, ProgrammeClock clock, ILogger<MonthlyReportCycle> log, Recovery.InFlightWork work)
{
    [FunctionName(nameof(MonthlyReportCycle))]
    public async Task Run([TimerTrigger("%MonthlyReportSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var today = clock.Today;
        var period = ReportingPeriod.Containing(today).Previous;
        var config = (await ProgrammeConfigStore.LoadAsync(blobs, log, ct)).Config;
        if ((config is null ? [] : MonthlyPapers.For(config, period)) is not { } kinds)
        {
            await RunLedger.RecordAsync(tables, RunRow.CycleRequested(period.ToString(), today, $"nothing to ask for {period}: the programme has ended or every paper follows its committee calendar", clock.UtcNow), log, ct);
            return;
        }

        var queue = await CreatedOnFirstUse.QueueAsync(queues, ReportRequest.QueueName, ct);
        await work.QueueAsync(queue, period.ToString(), nameof(GenerateReports), new ReportRequest(period, kinds).ToJson(), ct);
        Log.CycleRequested(log, period);
        await RunLedger.RecordAsync(tables, RunRow.CycleRequested(period.ToString(), today, kinds.Count == 0 ? $"requested every paper for {period}" : $"requested {string.Join(", ", kinds.Select(k => k.ToSlug()))} for {period}", clock.UtcNow), log, ct);
    }
}

using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Functions;

/// <summary>
/// Daily (<c>%CycleWatchSchedule%</c>): if the system has been running for more than 35 days and no
/// MonthlyReportCycle run is recorded in the last 35, logs error event 4001, which an alert rule watches.
/// </summary>
public sealed class CycleWatch(TableServiceClient tables, TimeProvider time, ILogger<CycleWatch> log)
{
    public const int Days = 35;

    [FunctionName(nameof(CycleWatch))]
    public async Task Run([TimerTrigger("%CycleWatchSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var table = tables.GetTableClient(StorageLayout.RunsTable);
        await table.CreateIfNotExistsAsync(ct);
        var now = time.GetUtcNow();
        DateTimeOffset? lastCycle = null;
        DateTimeOffset? firstRun = null;
        await foreach (var run in table.QueryAsync<TableEntity>(select: ["Function", "StartedAt"], cancellationToken: ct))
        {
            var started = run.GetDateTimeOffset("StartedAt");
            firstRun = started < firstRun || firstRun is null ? started : firstRun;
            if (run.GetString("Function") == nameof(MonthlyReportCycle) && (lastCycle is null || started > lastCycle))
            {
                lastCycle = started;
            }
        }

        var cutoff = now.AddDays(-Days);
        if (firstRun < cutoff && (lastCycle is null || lastCycle < cutoff))
        {
            Log.NoReportCycle(log, Days, lastCycle?.ToString("u") ?? "never");
        }
    }
}

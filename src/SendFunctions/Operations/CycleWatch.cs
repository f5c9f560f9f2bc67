using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Hosting;

namespace SendFunctions.Operations;

/// <summary>
/// Daily (<c>%CycleWatchSchedule%</c>): if the system has been running for more than 35 days and no
/// MonthlyReportCycle run is recorded in the last 35, logs error event 4001, which an alert rule watches.
/// </summary>
public sealed class CycleWatch(TableServiceClient tables, ProgrammeClock clock, ILogger<CycleWatch> log)
{
    public const int Days = 35;

    [FunctionName(nameof(CycleWatch))]
    public async Task Run([TimerTrigger("%CycleWatchSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var table = await RunLedger.TableAsync(tables, ct);
        var cutoff = clock.UtcNow.AddDays(-Days);
        if (!await AnyAsync(table, r => r.StartedAt < cutoff, ct))
        {
            return; // running for less than the window: a cycle may not be due yet
        }

        if (!await AnyAsync(table, r => r.Function == "MonthlyReportCycle" && r.StartedAt >= cutoff, ct))
        {
            Log.NoReportCycle(log, Days, cutoff.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<bool> AnyAsync(TableClient table, System.Linq.Expressions.Expression<Func<RunRow, bool>> filter, CancellationToken ct)
    {
        await foreach (var page in table.QueryAsync(filter, maxPerPage: 1, select: [nameof(RunRow.PartitionKey)], cancellationToken: ct).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}

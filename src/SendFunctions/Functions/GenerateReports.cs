using Azure.Data.Tables;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Reports;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary><c>report-requests</c>: compute, render, store a new paper version, queue its email (DESIGN.md, "Reports").</summary>
public sealed class GenerateReports(ReportGeneration generation, TableServiceClient tables, TimeProvider time, ILogger<GenerateReports> log)
{
    [FunctionName(nameof(GenerateReports))]
    public async Task Run([QueueTrigger(ReportRequest.QueueName)] string message, string id, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var (request, error) = ReportRequest.Parse(message);
        var outcome = request is null ? ReportOutcome.NothingToReport(error!) : await generation.RunAsync(request, ct);
        var run = new RunRecord(
            request?.Period.ToString() ?? "_unrecognised", $"{nameof(GenerateReports)}-{id}", nameof(GenerateReports),
            outcome.Generated ? RunOutcome.Succeeded : RunOutcome.Failed, message, outcome.Describe(), started, time.GetUtcNow(),
            new Dictionary<string, int> { ["Papers"] = outcome.Papers.Count(p => p.Version is not null) });
        await RunLedger.RecordAsync(tables, run, log, ct);
        Log.ReportsGenerated(log, run.Partition, run.Outcome, run.Detail);
    }
}

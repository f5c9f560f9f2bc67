using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Storage;

/// <summary>
/// The <c>runs</c> table ops read in the portal: one row per function run, keyed by period and a
/// deterministic run id, so a re-delivered trigger updates its row instead of adding one.
/// </summary>
internal static class RunLedger
{
    /// <summary>Writes the run's row and logs it as event 4000, which the alert rules watch for Failed and Poisoned outcomes.</summary>
    public static async Task RecordAsync(TableServiceClient tables, RunRecord run, ILogger log, CancellationToken ct)
    {
        Log.RunRecorded(log, run.Function, run.Outcome, run.Partition, run.RunId);
        var table = tables.GetTableClient(StorageLayout.RunsTable);
        await table.CreateIfNotExistsAsync(ct);
        var entity = new TableEntity(run.Partition, run.RunId)
        {
            ["Function"] = run.Function,
            ["Outcome"] = run.Outcome.ToString(),
            ["Subject"] = run.Subject,
            ["Detail"] = run.Detail,
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
        };
        foreach (var (key, value) in run.Counts)
        {
            entity[key] = value;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }
}

public enum RunOutcome
{
    Accepted,
    Rejected,
    Succeeded,
    Skipped,
    Failed,
    Poisoned,
}

/// <param name="Partition">The period (yyyy-MM), or "_unrecognised" for uploads whose path named none.</param>
internal sealed record RunRecord(
    string Partition,
    string RunId,
    string Function,
    RunOutcome Outcome,
    string Subject,
    string Detail,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, int> Counts);

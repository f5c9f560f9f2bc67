using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Storage;

namespace SendFunctions.Operations;

/// <summary>
/// The <c>runs</c> table ops read in the portal and with <c>sendfx runs</c>: one row per function run, keyed by period and a
/// deterministic run id, so a re-delivered trigger updates its row instead of adding one.
/// </summary>
internal static class RunLedger
{
    public static Task<TableClient> TableAsync(TableServiceClient tables, CancellationToken ct) =>
        CreatedOnFirstUse.TableAsync(tables, StorageLayout.RunsTable, ct);

    /// <summary>Writes the run's row and logs it as event 4000, which the alert rule watches for Failed outcomes.</summary>
    public static async Task RecordAsync(TableServiceClient tables, RunRow run, ILogger log, CancellationToken ct) =>
        await RecordAsync(await TableAsync(tables, ct), run, log, ct);

    /// <summary>As above, into the runs table the caller already holds.</summary>
    public static async Task RecordAsync(TableClient table, RunRow run, ILogger log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(run);
        Log.RunRecorded(log, run.Outcome is RunOutcome.Failed or RunOutcome.Poisoned ? LogLevel.Warning : LogLevel.Information, run.Function, run.Outcome, run.PartitionKey, run.RowKey);
        await table.UpsertEntityAsync(run, TableUpdateMode.Replace, ct);
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

    /// <summary>Not done on this attempt and known to be retried (a queue message's transient failure): no alert; a final failure is Poisoned.</summary>
    Retrying,

    /// <summary>Under way: a worker holds the request until <see cref="RunRow.LeaseUntil"/> and renews that while it works; replaced by the outcome.</summary>
    Running,
}

/// <summary>One row of the <c>runs</c> table. Made by the factory for its function and outcome; read back by <c>sendfx runs</c>.</summary>
public sealed class RunRow : ITableEntity
{
    /// <summary>The period (yyyy-MM), or <see cref="StorageLayout.NoPeriod"/> for uploads and messages that named none.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Function { get; set; } = string.Empty;

    public RunOutcome Outcome { get; set; }

    /// <summary>What the run was about: the upload, the queue message, the month.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>What happened, in a sentence ops can act on.</summary>
    public string Detail { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public int? Rows { get; set; }

    public int? Errors { get; set; }

    public int? Warnings { get; set; }

    public int? Papers { get; set; }

    public int? Sent { get; set; }

    public int? DequeueCount { get; set; }

    /// <summary>While <see cref="RunOutcome.Running"/>: until when its worker holds the request (renewed while it works).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>While running: the instance working on it.</summary>
    public string? Holder { get; set; }

    /// <summary>While running: the queue the request came from, and the request itself, so that a dead worker's request can be queued again.</summary>
    public string? Queue { get; set; }

    public string? Request { get; set; }

    /// <summary>The counts a row carries, by name, for display.</summary>
    public IEnumerable<(string Name, int Value)> Counts()
    {
        (string, int?)[] all = [("dequeuecount", DequeueCount), ("errors", Errors), ("papers", Papers), ("rows", Rows), ("sent", Sent), ("warnings", Warnings)];
        return all.Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!.Value));
    }

    /// <summary>Every ingest run's row key starts with this; <see cref="IngestPrefixEnd"/> is the first key after them.</summary>
    public const string IngestPrefix = "IngestDrop-";

    public const string IngestPrefixEnd = "IngestDrop.";

    /// <summary>The row of an upload's ingest, keyed from the upload's identity alone: the sweep looks runs up by it.</summary>
    public static (string Partition, string RowKey) IngestKey(string blobName, DateTimeOffset uploadedAt, string etag)
    {
        var drop = Core.Ingestion.DropPath.Parse(blobName).Drop;
        return (drop?.Period.ToString() ?? StorageLayout.NoPeriod,
            $"{IngestPrefix}{(drop is null ? "unknown" : Core.Ingestion.DatasetNames.ToSlug(drop.Dataset))}-{StorageLayout.Stamp(uploadedAt, etag)}");
    }

    public static RunRow Ingested(string blobName, DateTimeOffset uploadedAt, string etag, bool accepted, string detail, int rows, int errors, int warnings, DateTimeOffset started, DateTimeOffset finished)
    {
        var (partition, rowKey) = IngestKey(blobName, uploadedAt, etag);
        var row = Create(partition, rowKey, "IngestDrop", accepted ? RunOutcome.Accepted : RunOutcome.Rejected, $"{StorageLayout.Drops}/{blobName}", detail, started, finished);
        row.Rows = rows;
        row.Errors = errors;
        row.Warnings = warnings;
        return row;
    }

    /// <summary>
    /// An upload whose ingest failed in the sweep (not a rejection: something threw). Keyed beside its ingest row but not
    /// under <see cref="IngestPrefix"/>, so the sweep still counts the upload as missed and tries it again next time.
    /// </summary>
    public static RunRow IngestFailed(string blobName, DateTimeOffset uploadedAt, string etag, string detail, DateTimeOffset started, DateTimeOffset finished)
    {
        var (partition, rowKey) = IngestKey(blobName, uploadedAt, etag);
        return Create(partition, $"IngestFailed-{rowKey[IngestPrefix.Length..]}", "SweepDrops", RunOutcome.Failed, $"{StorageLayout.Drops}/{blobName}",
            $"Ingest failed and will be tried again on the next sweep: {detail}", started, finished);
    }

    /// <summary>A queue worker's run id: its function and the message's id (the same for every delivery of that message).</summary>
    public static string WorkRunId(string function, string messageId) => $"{function}-{messageId}";

    public static string ReportsRunId(string messageId) => WorkRunId("GenerateReports", messageId);

    public static string MailedRunId(string messageId, string function) => WorkRunId(function, messageId);

    public static RunRow ReportsGenerated(string? period, string messageId, bool generated, string message, string detail, int papers, DateTimeOffset started, DateTimeOffset finished)
    {
        var row = Create(period ?? StorageLayout.NoPeriod, ReportsRunId(messageId), "GenerateReports", generated ? RunOutcome.Succeeded : RunOutcome.Failed, message, detail, started, finished);
        row.Papers = papers;
        return row;
    }

    public static RunRow Mailed(string? period, string messageId, RunOutcome outcome, string message, string detail, int dequeueCount, DateTimeOffset started, DateTimeOffset finished, string function = "SendReports")
    {
        var row = Create(period ?? StorageLayout.NoPeriod, MailedRunId(messageId, function), function, outcome, message, detail, started, finished);
        row.DequeueCount = dequeueCount;
        return row;
    }

    public static RunRow CycleRequested(string period, DateOnly today, string detail, DateTimeOffset at) =>
        Create(period, $"MonthlyReportCycle-{today:yyyy-MM-dd}", "MonthlyReportCycle", RunOutcome.Succeeded, "report-requests", detail, at, at);

    public static RunRow RemindersSent(string period, DateOnly today, int queued, string detail, DateTimeOffset started, DateTimeOffset finished)
    {
        var row = Create(period, $"DropReminders-{today:yyyy-MM-dd}", "DropReminders", RunOutcome.Succeeded, $"reminders for {period}", detail, started, finished);
        row.Sent = queued; // reminders are queued here and sent by SendOwnerEmails
        return row;
    }

    public static RunRow Poisoned(string? period, string queue, string messageId, string message, DateTimeOffset at) => Create(
        period ?? StorageLayout.NoPeriod, $"Poisoned-{messageId}", $"{queue}-poison", RunOutcome.Poisoned, message,
        $"Failed on every attempt and moved to {queue}-poison. See the failed runs for this period; after fixing the cause, re-queue it (sendfx request or sendfx resend).",
        at, at);

    /// <summary>A queue request taken by <paramref name="holder"/>, which renews <paramref name="leaseUntil"/> while it works.</summary>
    public static RunRow Running(string partition, string runId, string function, string subject, string queue, string? request, string holder, DateTimeOffset started, DateTimeOffset leaseUntil)
    {
        var row = Create(partition, runId, function, RunOutcome.Running, subject, $"Under way on {holder}.", started, started);
        row.LeaseUntil = leaseUntil;
        row.Holder = holder;
        row.Queue = queue;
        row.Request = request;
        return row;
    }

    /// <summary>A running request whose function threw: its queue message is delivered again (the request is no longer kept).</summary>
    public static RunRow Released(RunRow running, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(running);
        return Create(
            running.PartitionKey, running.RowKey, running.Function, RunOutcome.Retrying, running.Subject,
            "The run stopped without a result (it failed, or the host stopped); the queue delivers the request again.", running.StartedAt, at);
    }

    /// <summary>A running request whose worker stopped renewing its lease (the instance died): a copy is queued, or the queue's own return awaited.</summary>
    public static RunRow TakenUp(RunRow lapsed, DateTimeOffset at, bool copied)
    {
        ArgumentNullException.ThrowIfNull(lapsed);
        var row = Create(
            lapsed.PartitionKey, lapsed.RowKey, lapsed.Function, RunOutcome.Retrying, lapsed.Subject,
            copied
                ? $"Its worker ({lapsed.Holder}) stopped without a result (its hold ran out at {lapsed.LeaseUntil:u}); a copy of the request was queued again."
                : $"Its worker ({lapsed.Holder}) stopped without a result (its hold ran out at {lapsed.LeaseUntil:u}); the queue delivers the request again within 10 minutes.",
            lapsed.StartedAt, at);
        row.ETag = lapsed.ETag;
        return row;
    }

    private static RunRow Create(string partition, string runId, string function, RunOutcome outcome, string subject, string detail, DateTimeOffset started, DateTimeOffset finished) => new()
    {
        PartitionKey = partition,
        RowKey = runId,
        Function = function,
        Outcome = outcome,
        Subject = subject,
        Detail = detail,
        StartedAt = started,
        FinishedAt = finished,
    };
}

using Microsoft.Extensions.Logging;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions;

/// <summary>Every log line the function app writes: constant templates, structured values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Ingested {Blob}: {Outcome}, {Rows} rows, {Errors} errors, {Warnings} warnings")]
    public static partial void Ingested(ILogger logger, string blob, RunOutcome outcome, int rows, int errors, int warnings);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Programme configuration: {Problem}")]
    public static partial void ConfigProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "The sweep found {Blob} with no ingest run; ingesting it now")]
    public static partial void SweptUp(ILogger logger, string blob);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Report request for {Period}: {Outcome}, {Detail}")]
    public static partial void ReportsGenerated(ILogger logger, string period, RunOutcome outcome, string detail);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Monthly report cycle requested every paper for {Period}")]
    public static partial void CycleRequested(ILogger logger, Core.Periods.ReportingPeriod period);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Email {Delivery}: attempt {Attempt} {Outcome}; retrying in {Delay}: {Detail}")]
    public static partial void SendRetry(ILogger logger, string delivery, AttemptOutcome outcome, int attempt, TimeSpan delay, string detail);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Email {Delivery}: {Outcome} {Detail}")]
    public static partial void Delivered(ILogger logger, string delivery, DeliveryStatus outcome, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Poisoned message on {Queue} after repeated failures: {Message} (delivery now {Delivery})")]
    public static partial void Poisoned(ILogger logger, string queue, string message, string delivery);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Email {Delivery} is held by another instance until {Until}; its message is queued again to look then")]
    public static partial void Requeued(ILogger logger, string delivery, DateTimeOffset until);

    /// <summary>Warning for Failed and Poisoned runs, Information otherwise; the alert rule matches Failed runs (a poisoned message alerts through event 3002).</summary>
    [LoggerMessage(EventId = 4000, Message = "Run {Function} {Outcome} for {Partition} ({RunId})")]
    public static partial void RunRecorded(ILogger logger, LogLevel level, string function, RunOutcome outcome, string partition, string runId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "No MonthlyReportCycle run in the last {Days} days (none since {Since})")]
    public static partial void NoReportCycle(ILogger logger, int days, string since);


    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The upload {Blob} was deleted before it could be read; nothing was ingested")]
    public static partial void Vanished(ILogger logger, string blob);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical, Message = "A trigger listener failed; the host is stopping and will be restarted")]
    public static partial void ListenerFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "A function ran past functionTimeout and was cancelled: {Detail}")]
    public static partial void FunctionTimedOut(ILogger logger, string detail);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Restarting the host in {Delay} after listener failure {Failures}")]
    public static partial void Restarting(ILogger logger, TimeSpan delay, int failures);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "The upload {Blob} has a name the blob trigger cannot process; moved to drops/{SetAside}, where it is ingested and answered")]
    public static partial void SetAside(ILogger logger, string blob, string setAside);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Could not check drops for names the blob trigger cannot process before starting: {Detail}")]
    public static partial void SetAsideCheckFailed(ILogger logger, string detail);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Paper {Paper} fails {Count} run-time check(s) and was not emailed: {Findings}")]
    public static partial void PaperFailedChecks(ILogger logger, string paper, int count, string findings);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "No link could be made to {Paper}, so it is attached instead: {Reason}")]
    public static partial void LinkUnavailable(ILogger logger, string paper, string reason);

    /// <summary>Matched by the <c>config-invalid</c> alert rule (infra/modules/alerts.bicep).</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "reporting.json is invalid at {Path}: {Problem}")]
    public static partial void ConfigInvalid(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "reporting.json: check {Path}: {Problem}")]
    public static partial void ConfigWarning(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "reporting.json could not be checked at start: {Reason}")]
    public static partial void ConfigUncheckable(ILogger logger, string reason);
}

/// <summary>The host's start-up report (event ids 4005-4006).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Host starting ({Environment}, code {CodeVersion}) with configuration: {Configuration}")]
    public static partial void EffectiveConfiguration(ILogger logger, string environment, string codeVersion, string configuration);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "{Count} functions registered: {Functions}")]
    public static partial void FunctionsRegistered(ILogger logger, int count, string functions);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "The host stopped after a listener failure could not be disposed cleanly ({Reason}); a new host is started")]
    public static partial void DisposeFailed(ILogger logger, string reason);
}

/// <summary>The committee cycle: sign-off and the calendar timer (event ids 5000-5003).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Paper {Paper} {Outcome} ({How})")]
    public static partial void Approval(ILogger logger, SendFunctions.Core.Storage.PaperVersion paper, CommitteeCycle.ApprovalOutcome outcome, SendFunctions.Core.Calendar.SignOffMethod how);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Approve link refused with {Status}: {Reason}")]
    public static partial void ApprovalRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Committee calendar: {Step} for {Paper}")]
    public static partial void CalendarStep(ILogger logger, string step, string paper);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Committee calendar email {Key}: {Status}")]
    public static partial void CalendarMailed(ILogger logger, string key, Mailing.DeliveryStatus status);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "{Function} run {RunId} for {Partition} was left running by {Holder} (hold ran out at {LeaseUntil}); a copy of its request was queued")]
    public static partial void InFlightRecovered(ILogger logger, string function, string partition, string runId, string holder, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "{Function} run {RunId} for {Partition} lost its hold (it ran out and the request was taken up again); this run carries on")]
    public static partial void InFlightTakenOver(ILogger logger, string function, string partition, string runId);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Could not renew the hold on run {RunId} for {Partition} ({Error}); trying again")]
    public static partial void InFlightRenewFailed(ILogger logger, string partition, string runId, string error);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "Could not take run {RunId} for {Partition} out of the in-flight index ({Error}); the recovery removes it once it sees the run finished")]
    public static partial void InFlightIndexNotRemoved(ILogger logger, string partition, string runId, string error);
}

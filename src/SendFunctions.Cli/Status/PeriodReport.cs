using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Status;

/// <summary>
/// What <c>sendfx status</c> says about one period: each return, each paper with its versions and their emails, what happens
/// next, and the period's failed runs. Holds no personal data: owners by role, recipients by a masked address.
/// </summary>
internal sealed record PeriodReport(
    ReportingPeriod Period,
    DateTimeOffset At,
    string TimeZone,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ReturnReport> Returns,
    IReadOnlyList<PaperReport> Papers,
    IReadOnlyList<DeliveryReport> OwnerEmails,
    IReadOnlyList<NextStep> Next,
    IReadOnlyList<RunReport> FailedRuns);

/// <param name="OwnerRole">The owner's role from reporting.json (never the name or address); null when none is given.</param>
/// <param name="Due">The day the return falls due (the configured working day of the next month); null when reporting.json does not list the dataset.</param>
internal sealed record ReturnReport(Dataset Dataset, DatasetState State, string? OwnerRole, DateOnly? Due, IReadOnlyList<UploadReport> Uploads);

/// <summary>What became of one upload: <see cref="UploadFate.InUse"/> (the version the papers use), superseded by a later accepted one, or rejected.</summary>
internal sealed record UploadReport(DateTimeOffset UploadedAt, UploadFate Fate);

internal enum UploadFate
{
    InUse,
    Superseded,
    Rejected,
}

/// <summary>Where a paper version stands.</summary>
internal enum PaperStage
{
    /// <summary>A document without its manifest: a generation stopped part-way; the next request writes this version again.</summary>
    Incomplete,

    /// <summary>Stored with run-time check findings: never emailed until fixed and requested again.</summary>
    FailedChecks,

    /// <summary>Complete and passed its checks.</summary>
    Drafted,

    /// <summary>Signed off for its committee (recorded in the manifest by the sign-off step).</summary>
    SignedOff,
}

internal sealed record PaperReport(ReportKind Kind, IReadOnlyList<VersionReport> Versions);

internal sealed record VersionReport(int Version, PaperStage Stage, DateTimeOffset? GeneratedAt, IReadOnlyList<string> Findings, IReadOnlyList<DeliveryReport> Deliveries)
{
    /// <summary>Who signed the version off, when and how; null until it is.</summary>
    public SignOffReport? SignedOff { get; init; }

    /// <summary>For a revision (a version made after an earlier one was signed off): the version it replaces; else null.</summary>
    public int? Replaces { get; init; }
}

/// <summary>A committee sign-off: the signer (a member of staff), when, by link or <c>sendfx approve</c>, and whether it went to the list.</summary>
internal sealed record SignOffReport(string By, DateTimeOffset At, Core.Calendar.SignOffMethod How, Core.Calendar.AfterSignOff Then = Core.Calendar.AfterSignOff.Distributed);

/// <param name="Delivery">The delivery ledger's row key (<c>hwb-board-v2-distribution</c>, <c>drop-milestones-...</c>).</param>
internal sealed record DeliveryReport(string Delivery, DeliveryStatus Status, DateTimeOffset? At, int Attempts, string? LastError, IReadOnlyList<RecipientReport> Recipients);

/// <param name="Recipient">The address with its local part masked (<c>h***@example.gov.uk</c>): enough to tell recipients apart; <c>sendfx deliveries</c> gives the address.</param>
internal sealed record RecipientReport(string Recipient, RecipientState State, DateTimeOffset At, string? LastError);

/// <summary>Something the system will do (on a day, or at a time), or ops must do (neither: when ops act).</summary>
internal sealed record NextStep(DateOnly? On, DateTimeOffset? At, string What);

internal sealed record RunReport(string Function, RunOutcome Outcome, DateTimeOffset StartedAt, string Subject, string Detail);

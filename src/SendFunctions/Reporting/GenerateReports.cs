using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Ingestion;
using SendFunctions.Operations;
using SendFunctions.Recovery;

namespace SendFunctions.Reporting;

/// <summary><c>report-requests</c>: compute, render, store a new paper version, queue its email (DESIGN.md, "Reports").</summary>
public sealed class GenerateReports(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, ProgrammeClock clock, InFlightWork work, ILogger<GenerateReports> log)
{
    [FunctionName(nameof(GenerateReports))]
    public async Task Run([QueueTrigger(ReportRequest.QueueName)] string message, string id, CancellationToken ct)
    {
        var started = clock.UtcNow;
        var (request, error) = ReportRequest.Parse(message);
        await using var inFlight = await work.StartAsync(request?.Period.ToString() ?? Core.Storage.StorageLayout.NoPeriod, RunRow.ReportsRunId(id), nameof(GenerateReports), message, ReportRequest.QueueName, message, ct);
        var outcome = request is null ? ReportOutcome.NothingToReport(error!) : await GenerateAsync(request, ct);
        var run = RunRow.ReportsGenerated(
            request?.Period.ToString(), id, outcome.Generated, message, outcome.Describe(), outcome.Papers.Count(p => p.Version is not null), started, clock.UtcNow);
        await inFlight.FinishAsync(run, log, ct);
        Log.ReportsGenerated(log, run.PartitionKey, run.Outcome, run.Detail);
    }

    /// <summary>
    /// Loads the accepted data and what became of each of the month's returns, computes the status, and for each paper asked
    /// for: renders it, runs the accessibility checks on it, stores it as a new version (or reuses the version made from the
    /// same inputs), and asks for it to be emailed. A paper that fails a check is stored with its findings in the manifest
    /// (for ops and the author to see) and never emailed; the run is recorded as failed. A paper of a kind with a committee
    /// calendar is not emailed either: it is a draft that goes to its list once signed off. A new version of a calendar paper
    /// whose earlier version was signed off is a revision: it says so, and what changed, on its front page and in its manifest.
    /// </summary>
    internal async Task<ReportOutcome> GenerateAsync(ReportRequest request, CancellationToken ct)
    {
        var config = await ProgrammeConfigStore.LoadAsync(blobs, log, ct);
        if (config.Config is not { } programme)
        {
            throw new InvalidOperationException($"Cannot generate reports: {string.Join(" ", config.Problems)}");
        }

        var drops = await CuratedStore.CurrentUpToAsync(blobs, request.Period, ct);
        var returns = await ReturnStore.ForAsync(blobs, request.Period, drops, clock.Zone, ct, d => programme.DatasetFor(d) is not null);
        if (AcceptedData.InputsFor(request.Period, programme.Programme.Deadline, programme.Programme.MetricTolerancePercent, drops, returns, programme.Programme.MissingReturns, request.Cover?.ComparedWith) is not { } inputs)
        {
            return ReportOutcome.NothingToReport($"There are no accepted milestones for {request.Period}: nothing to report until a valid milestones file is uploaded.");
        }

        var status = StatusEngine.Compute(inputs.Inputs);
        var (highlights, attention) = ReportHighlights.From(status);
        var used = inputs.Used.Select(ReportManifest.InputOf).ToList();
        var distributed = await DistributedPapers.ReadAsync(tables, blobs, programme, clock.Zone, ct);
        var emails = await CreatedOnFirstUse.QueueAsync(queues, EmailRequest.QueueName, ct);
        var papers = new List<PaperOutcome>();
        var signedOffKinds = ReportCalendar.Resolve(programme).Calendars.Select(c => c.Kind).ToHashSet();
        foreach (var kind in request.Reports.Count > 0 ? request.Reports : ReportKinds.All)
        {
            var revision = await RevisionAsync(request, kind, used, status, config.Sha256!, ct);
            if (ReportRenderer.Render(kind, status, programme, cover: request.Cover, distributed: distributed, revision: revision) is not { } paper)
            {
                papers.Add(new PaperOutcome(kind, null, false, "not configured in reporting.json"));
                continue;
            }

            var findings = PaperCheck.Check(paper.Content);
            var fingerprint = ReportManifest.FingerprintOf(kind, used, config.Sha256!, request.Cover);
            var (manifest, created) = await ReportStore.SaveAsync(blobs, request.Period, paper, version => new ReportManifest(
                request.Period, kind, version, fingerprint, clock.UtcNow, used, config.Sha256!,
                StatusJson.From(status).Summary, [new ManifestFile(paper.FileName, paper.Content.Length, ReportManifest.Sha256(paper.Content))], paper.Title, highlights, attention,
                ReportRenderer.CodeVersion, findings.Count > 0 ? findings : null, request.Cover?.Months, request.Cover?.Meeting, revision), clock.Time, ct);
            if (manifest.Findings is { Count: > 0 } failed)
            {
                Log.PaperFailedChecks(log, manifest.Paper.ToString(), failed.Count, string.Join("; ", failed.Take(3)));
                papers.Add(new PaperOutcome(kind, manifest.Version, created, $"fails {failed.Count} check(s) and was not emailed: {string.Join("; ", failed.Take(3))}") { Failed = true });
                continue;
            }

            if (signedOffKinds.Contains(kind))
            {
                // A committee paper goes to its list only once signed off (CommitteeCycle sends the draft to the signer).
                papers.Add(new PaperOutcome(kind, manifest.Version, created, manifest.DocumentBlob) { AwaitingSignOff = true });
                continue;
            }

            await work.QueueAsync(emails, manifest.Paper.Period.ToString(), nameof(Mailing.SendReports), new EmailRequest(manifest.Paper, paper.FileName, paper.Title, highlights, attention, Covers: request.Cover?.Months).ToJson(), ct);
            papers.Add(new PaperOutcome(kind, manifest.Version, created, manifest.DocumentBlob));
        }

        return new ReportOutcome(papers.All(p => !p.Failed), papers, null);
    }

    /// <summary>For a calendar paper with a signed-off earlier version of the same cover: what this version replaces and what changed.</summary>
    private async Task<PaperRevision?> RevisionAsync(ReportRequest request, ReportKind kind, IReadOnlyList<ManifestInput> used, PeriodStatus status, string configSha256, CancellationToken ct)
    {
        if (request.Cover is not { } cover
            || await PaperRevisions.LastSignedOffAsync(blobs.GetBlobContainerClient(StorageLayout.Reports), request.Period, kind, cover, ct) is not { } signedOff)
        {
            return null;
        }

        return PaperRevision.Of(signedOff.Manifest, signedOff.SignOff, used, StatusJson.From(status).Summary, configSha256, clock.Zone);
    }
}

internal sealed record PaperOutcome(ReportKind Kind, int? Version, bool Created, string Detail)
{
    /// <summary>Stored, but failed the run-time checks: not emailed.</summary>
    public bool Failed { get; init; }

    /// <summary>A committee paper stored as a draft for sign-off: not emailed to its list yet.</summary>
    public bool AwaitingSignOff { get; init; }
}

internal sealed record ReportOutcome(bool Generated, IReadOnlyList<PaperOutcome> Papers, string? Reason)
{
    public static ReportOutcome NothingToReport(string reason) => new(false, [], reason);

    public string Describe() => Reason ?? string.Join("; ", Papers.Select(p => p.Version is { } v
        ? $"{p.Kind.ToSlug()} v{v} {(p.Created ? "created" : "reused (same inputs)")}{(p.Failed ? $", {p.Detail}" : string.Empty)}{(p.AwaitingSignOff ? ", awaiting sign-off" : string.Empty)}"
        : $"{p.Kind.ToSlug()} {p.Detail}"));
}

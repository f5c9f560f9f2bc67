using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>
/// One report request: load the accepted data, compute the status, render each paper, store it as a new
/// version (or reuse the version made from the same inputs), and ask for it to be emailed.
/// </summary>
public sealed class ReportGeneration(BlobServiceClient blobs, QueueServiceClient queues, TimeProvider time)
{
    internal async Task<ReportOutcome> RunAsync(ReportRequest request, CancellationToken ct)
    {
        var config = await ProgrammeConfigStore.LoadAsync(blobs, ct);
        if (config.Config is not { } programme)
        {
            throw new InvalidOperationException($"Cannot generate reports: {string.Join(" ", config.Problems)}");
        }

        var curated = await BlobWrites.ContainerAsync(blobs, StorageLayout.Curated, ct);
        var drops = await AcceptedStore.LoadAsync(curated, request.Period, ct);
        var accepted = drops.GroupBy(d => d.Period).ToDictionary(g => g.Key, g => new AcceptedPeriod(
            g.FirstOrDefault(d => d.Dataset == Dataset.Milestones)?.Milestones,
            g.FirstOrDefault(d => d.Dataset == Dataset.Metrics)?.Metrics,
            g.FirstOrDefault(d => d.Dataset == Dataset.Actions)?.Actions));
        if (AcceptedData.InputsFor(request.Period, programme.Programme.Deadline, programme.Programme.MetricTolerancePercent, accepted) is not { } inputs)
        {
            return ReportOutcome.NothingToReport($"There are no accepted milestones for {request.Period}: nothing to report until a valid milestones file is uploaded.");
        }

        var status = StatusEngine.Compute(inputs);
        var (highlights, attention) = ReportHighlights.From(status);
        // Exactly what the status depends on: this month's and last month's milestones, this month's actions, every metrics drop so far.
        var used = drops.Where(d => d.Dataset switch
            {
                Dataset.Milestones => d.Period == request.Period || d.Period == request.Period.Previous,
                Dataset.Actions => d.Period == request.Period,
                _ => true,
            })
            .Select(ReportManifest.InputOf).ToList();
        var reports = await BlobWrites.ContainerAsync(blobs, StorageLayout.Reports, ct);
        var emails = queues.GetQueueClient(EmailRequest.QueueName);
        await emails.CreateIfNotExistsAsync(cancellationToken: ct);
        var papers = new List<PaperOutcome>();
        foreach (var kind in request.Reports.Count > 0 ? request.Reports : ReportKinds.All)
        {
            if (ReportRenderer.Render(kind, status, programme) is not { } paper)
            {
                papers.Add(new PaperOutcome(kind, null, false, "not configured in reporting.json"));
                continue;
            }

            var fingerprint = ReportManifest.FingerprintOf(kind, used, config.Sha256!);
            var (manifest, blob, created) = await ReportStore.SaveAsync(reports, request.Period.ToString(), paper, version => new ReportManifest(
                request.Period.ToString(), kind.ToSlug(), version, fingerprint, time.GetUtcNow(), used, config.Sha256!,
                StatusJson.From(status).Summary, [new ManifestFile(paper.FileName, paper.Content.Length, ReportManifest.Sha256(paper.Content))], paper.Title), ct);
            await emails.SendMessageAsync(new EmailRequest(manifest.Period, manifest.Report, manifest.Version, $"{StorageLayout.Reports}/{blob}", paper.Title, highlights, attention).ToJson(), ct);
            papers.Add(new PaperOutcome(kind, manifest.Version, created, blob));
        }

        return new ReportOutcome(true, papers, null);
    }
}

internal sealed record PaperOutcome(ReportKind Kind, int? Version, bool Created, string Detail);

internal sealed record ReportOutcome(bool Generated, IReadOnlyList<PaperOutcome> Papers, string? Reason)
{
    public static ReportOutcome NothingToReport(string reason) => new(false, [], reason);

    public string Describe() => Reason ?? string.Join("; ", Papers.Select(p => p.Version is { } v
        ? $"{p.Kind.ToSlug()} v{v} {(p.Created ? "created" : "reused (same inputs)")}"
        : $"{p.Kind.ToSlug()} {p.Detail}"));
}

using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.CommitteeCycle;

/// <summary>What became of an approval.</summary>
public enum ApprovalOutcome
{
    /// <summary>Signed off now, and queued for distribution.</summary>
    SignedOff,

    /// <summary>
    /// A revision signed off now after an earlier version went to the list, with <c>reissueOnCorrection</c> false: recorded,
    /// not distributed.
    /// </summary>
    SignedOffNotReissued,

    /// <summary>A later version of the paper exists: approve that one (an outdated version is never distributed).</summary>
    Superseded,

    /// <summary>That version was signed off before: nothing changed.</summary>
    AlreadySignedOff,

    NoSuchPaper,

    /// <summary>The version failed its run-time checks: it can never be distributed.</summary>
    FailedChecks,
}

/// <summary>Sign-off records beside each paper version, and the one way a calendar paper is approved: by the link or by sendfx alike.</summary>
public static class SignOffStore
{
    public static async Task<SignOff?> ReadAsync(BlobContainerClient reports, PaperVersion paper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        try
        {
            var content = await reports.GetBlobClient(SignOff.BlobName(paper)).DownloadContentAsync(ct);
            return SignOff.FromJson(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The number of the later version of the same paper (months and meeting) that supersedes this one; null when it is the latest.</summary>
    public static async Task<int?> SupersededByAsync(BlobContainerClient reports, PaperVersion paper, ReportManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return (await ReportStore.LatestAsync(reports, paper.Period, paper.Kind, ct)).Latest is { } latest && latest.Version > paper.Version
            && latest.IsSamePaperAs(manifest)
            ? latest.Version
            : null;
    }

    /// <summary>
    /// The latest later version of the same paper that was signed off and distributed (not one approved but kept back,
    /// <see cref="AfterSignOff.NotReissued"/>); null when none. An earlier version still waiting to go must then not go.
    /// </summary>
    public static async Task<int?> DistributedRevisionAsync(BlobContainerClient reports, PaperVersion paper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (!await reports.GetBlobClient(paper.ManifestName).ExistsAsync(ct)
            || await SupersededByAsync(reports, paper, await ReportStore.ReadManifestAsync(reports, paper, ct), ct) is not { } latest)
        {
            return null;
        }

        for (var version = latest; version > paper.Version; version--)
        {
            if (await ReadAsync(reports, paper with { Version = version }, ct) is { Then: AfterSignOff.Distributed })
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>
    /// Records the sign-off (create-if-absent: once per version, whoever comes first) and queues the version's distribution
    /// on <c>email-requests</c>, where the delivery ledger sends it once. A repeat finds the record and changes nothing. A
    /// revision approved after an earlier version went to the list is distributed only when its calendar's
    /// <c>reissueOnCorrection</c> is true (<see cref="SignOff.Decide"/>); the record says which.
    /// </summary>
    public static async Task<ApprovalOutcome> ApproveAsync(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, SignOff signOff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(signOff);
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        if (!await reports.GetBlobClient(signOff.Paper.ManifestName).ExistsAsync(ct))
        {
            return ApprovalOutcome.NoSuchPaper;
        }

        var manifest = await ReportStore.ReadManifestAsync(reports, signOff.Paper, ct);
        if (manifest.Findings is { Count: > 0 })
        {
            return ApprovalOutcome.FailedChecks;
        }

        if (await ReadAsync(reports, signOff.Paper, ct) is not null)
        {
            return ApprovalOutcome.AlreadySignedOff;
        }

        // Superseded only by a later version of the same paper (months and meeting): a repeated month's paper for the next meeting is another paper.
        if (await SupersededByAsync(reports, signOff.Paper, manifest, ct) is not null)
        {
            return ApprovalOutcome.Superseded;
        }

        var then = manifest.Revision is null ? AfterSignOff.Distributed
            : SignOff.Decide(manifest.Revision, await PaperRevisions.EarlierDistributedAsync(reports, tables, signOff.Paper, ct), await ReissueOnCorrectionAsync(blobs, signOff.Paper.Kind, ct));
        if (!await reports.CreateIfAbsentAsync(SignOff.BlobName(signOff.Paper), (signOff with { Then = then }).ToJson(), "application/json", ct))
        {
            return ApprovalOutcome.AlreadySignedOff;
        }

        if (then == AfterSignOff.NotReissued)
        {
            return ApprovalOutcome.SignedOffNotReissued;
        }

        await DistributeAsync(queues, manifest, ct);
        return ApprovalOutcome.SignedOff;
    }

    /// <summary><c>reports.{kind}.calendar.reissueOnCorrection</c> in the account's reporting.json; false when it cannot be read.</summary>
    private static async Task<bool> ReissueOnCorrectionAsync(BlobServiceClient blobs, ReportKind kind, CancellationToken ct) =>
        (await ProgrammeConfigStore.ReadAsync(blobs, ct)).Config is { } config
        && ReportCalendar.Resolve(config).Calendars.FirstOrDefault(c => c.Kind == kind) is { ReissueOnCorrection: true };

    /// <summary>Queues a signed-off version for its distribution list (sent once: the delivery ledger's key is the version's).</summary>
    public static async Task DistributeAsync(QueueServiceClient queues, ReportManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(manifest);
        var emails = await CreatedOnFirstUse.QueueAsync(queues, EmailRequest.QueueName, ct);
        await emails.SendMessageAsync(EmailRequest.For(manifest).ToJson(), ct);
    }
}

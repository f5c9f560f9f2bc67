using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;
using SendFunctions.Reporting;

namespace SendFunctions.CommitteeCycle;

/// <summary>What became of an approval.</summary>
public enum ApprovalOutcome
{
    /// <summary>Signed off now, and queued for distribution.</summary>
    SignedOff,

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

    /// <summary>
    /// Records the sign-off (create-if-absent: once per version, whoever comes first) and queues the version's distribution
    /// on <c>email-requests</c>, where the delivery ledger sends it once. A repeat finds the record and changes nothing.
    /// </summary>
    public static async Task<ApprovalOutcome> ApproveAsync(BlobServiceClient blobs, QueueServiceClient queues, SignOff signOff, CancellationToken ct)
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

        if (!await reports.CreateIfAbsentAsync(SignOff.BlobName(signOff.Paper), signOff.ToJson(), "application/json", ct))
        {
            return ApprovalOutcome.AlreadySignedOff;
        }

        await DistributeAsync(queues, manifest, ct);
        return ApprovalOutcome.SignedOff;
    }

    /// <summary>Queues a signed-off version for its distribution list (sent once: the delivery ledger's key is the version's).</summary>
    public static async Task DistributeAsync(QueueServiceClient queues, Core.Reports.ReportManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(manifest);
        var emails = queues.GetQueueClient(EmailRequest.QueueName);
        await emails.CreateIfNotExistsAsync(cancellationToken: ct);
        await emails.SendMessageAsync(new EmailRequest(manifest.Paper, manifest.Files[0].Name, manifest.Title ?? manifest.Period.ToLongName(), manifest.Highlights, manifest.Attention, Covers: manifest.Covers).ToJson(), ct);
    }
}

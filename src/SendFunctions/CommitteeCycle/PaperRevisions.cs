using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;
using SendFunctions.Ingestion;
using SendFunctions.Mailing;
using SendFunctions.Reporting;

namespace SendFunctions.CommitteeCycle;

/// <summary>
/// What the reports container and the delivery ledger know about a committee paper's earlier versions: the inputs a paper
/// would be made from now, the last version of the same paper (same months, same meeting) that was signed off, and whether
/// any earlier version went to the list. Used by the calendar, GenerateReports, the sign-off and sendfx alike.
/// </summary>
internal static class PaperRevisions
{
    /// <summary>The accepted drops a paper of <paramref name="cover"/> filed under <paramref name="period"/> is made from now, as GenerateReports chooses them.</summary>
    public static async Task<IReadOnlyList<ManifestInput>> InputsNowAsync(BlobServiceClient blobs, ReportingPeriod period, PaperCover? cover, CancellationToken ct) =>
        AcceptedData.UsedFor(period, await CuratedStore.CurrentUpToAsync(blobs, period, ct), cover?.ComparedWith).Select(ReportManifest.InputOf).ToList();

    /// <summary>The newest version of the same paper (months and meeting) with a sign-off, and that sign-off; null when none is signed off.</summary>
    public static async Task<(ReportManifest Manifest, SignOff SignOff)?> LastSignedOffAsync(BlobContainerClient reports, ReportingPeriod period, ReportKind kind, PaperCover cover, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cover);
        var (_, highest) = await ReportStore.LatestAsync(reports, period, kind, ct);
        for (var version = highest; version >= 1; version--)
        {
            var paper = new PaperVersion(period, kind, version);
            if (await SignOffStore.ReadAsync(reports, paper, ct) is { } signOff
                && await ReportStore.ReadManifestAsync(reports, paper, ct) is { } manifest && manifest.IsOf(cover))
            {
                return (manifest, signOff);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a version of the paper before <paramref name="paper"/> went to its list: signed off and distributed, with its
    /// delivery not refused for good. A distribution queued but not yet sent counts: it will go.
    /// </summary>
    public static async Task<bool> EarlierDistributedAsync(BlobContainerClient reports, TableServiceClient tables, PaperVersion paper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var deliveries = await CreatedOnFirstUse.TableAsync(tables, StorageLayout.DeliveriesTable, ct);
        for (var version = paper.Version - 1; version >= 1; version--)
        {
            var earlier = paper with { Version = version };
            if (await SignOffStore.ReadAsync(reports, earlier, ct) is not { Then: AfterSignOff.Distributed })
            {
                continue;
            }

            var row = await deliveries.GetEntityIfExistsAsync<DeliveryRow>(earlier.Period.ToString(), earlier.DistributionKey, cancellationToken: ct);
            if (!row.HasValue || row.Value!.Status is not (DeliveryStatus.Failed or DeliveryStatus.Poisoned))
            {
                return true;
            }
        }

        return false;
    }
}

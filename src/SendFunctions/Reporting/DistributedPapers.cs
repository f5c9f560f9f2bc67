using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;

namespace SendFunctions.Reporting;

/// <summary>
/// The council papers this system has distributed, as subject-history entries: the board of each paper emailed to its list
/// (SendGrid accepted it) and the meeting it went to (its manifest's, else the configured meeting for its month, else the
/// day it was sent, in the programme's zone). Exceptions reports are internal and not listed.
/// </summary>
internal static class DistributedPapers
{
    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(TableServiceClient tables, BlobServiceClient blobs, ReportingConfig config, TimeZoneInfo zone, CancellationToken ct)
    {
        var table = await CreatedOnFirstUse.TableAsync(tables, StorageLayout.DeliveriesTable, ct);
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        var entries = new List<HistoryEntry>();
        await foreach (var row in table.QueryAsync<DeliveryRow>(cancellationToken: ct))
        {
            if (row.Status != DeliveryStatus.Sent || !PaperVersion.TryParseDistribution(row.PartitionKey, row.RowKey, out var paper) || paper.Kind == ReportKind.Exceptions
                || config.ReportFor(paper.Kind.ToSlug()) is not { } settings)
            {
                continue;
            }

            var meeting = await MeetingOfAsync(reports, paper, ct)
                ?? (settings.MeetingDates is { } dates && dates.TryGetValue(paper.Period.ToString(), out var configured) ? configured : (DateOnly?)null)
                ?? (row.SentAt is { } sent ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sent, zone).DateTime) : (DateOnly?)null);
            if (meeting is { } date)
            {
                entries.Add(new HistoryEntry(settings.Board, date));
            }
        }

        return entries;
    }

    private static async Task<DateOnly?> MeetingOfAsync(BlobContainerClient reports, PaperVersion paper, CancellationToken ct)
    {
        try
        {
            return (await ReportStore.ReadManifestAsync(reports, paper, ct)).Meeting;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

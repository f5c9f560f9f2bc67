using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Ingestion;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.Cli.Status;

/// <summary>Reads one period's state from storage through the function app's own stores and table rows.</summary>
internal static class StatusReader
{
    public static async Task<PeriodReport> ReadAsync(BlobServiceClient blobs, TableServiceClient tables, ReportingPeriod period, DateTimeOffset now, TimeZoneInfo zone, string cycleSchedule, CancellationToken ct)
    {
        var loaded = await ProgrammeConfigStore.LoadAsync(blobs, NullLogger.Instance, ct);
        var config = loaded.Config;
        var calendar = new WorkingDays(config?.Programme.ExtraBankHolidays);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var returns = await ReturnsAsync(blobs, period, config, calendar, zone, ct);
        var deliveries = await DeliveriesAsync(tables, period, ct);
        var papers = await PapersAsync(blobs, period, deliveries, ct);
        var ownerEmails = deliveries.Where(d => !ReportKinds.All.Any(k => d.Delivery.StartsWith(k.ToSlug() + "-v", StringComparison.Ordinal))).ToList();
        var runs = await RunsAsync(tables, period, ct);
        var next = NextSteps.For(period, now, today, zone, config, calendar, returns, papers, runs, cycleSchedule);
        var failed = runs.Where(r => r.Outcome is RunOutcome.Failed or RunOutcome.Poisoned)
            .Select(r => new RunReport(r.Function, r.Outcome, r.StartedAt, AddressMask.InText(r.Function == "IngestDrop" ? r.Subject : r.RowKey), AddressMask.InText(r.Detail))).ToList();
        return new PeriodReport(period, now, zone.Id, loaded.Problems, returns, papers, ownerEmails, next, failed);
    }

    private static async Task<List<ReturnReport>> ReturnsAsync(BlobServiceClient blobs, ReportingPeriod period, ReportingConfig? config, WorkingDays calendar, TimeZoneInfo zone, CancellationToken ct)
    {
        var current = (await CuratedStore.CurrentUpToAsync(blobs, period, ct)).Where(d => d.Period == period).ToList();
        var stamps = await ReturnStore.UploadsAsync(blobs, period, ct);
        var states = ReturnStore.Of(stamps, period, current, zone, d => config?.DatasetFor(d) is not null);
        var result = new List<ReturnReport>();
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            var inUse = current.FirstOrDefault(d => d.Dataset == dataset)?.Source is { } source ? StorageLayout.Stamp(source.UploadedAt, source.ETag) : null;
            var uploads = stamps[dataset]
                .OrderBy(s => s.At)
                .Select(s => new UploadReport(s.At, s.Name == inUse ? UploadFate.InUse : s.Accepted ? UploadFate.Superseded : UploadFate.Rejected))
                .ToList();
            var settings = config?.DatasetFor(dataset);
            if (states.All.FirstOrDefault(r => r.Dataset == dataset) is not { } state)
            {
                continue; // an optional return the programme does not expect and nobody sent
            }

            var due = settings is null ? (DateOnly?)null : ReturnDates.For(period, dataset, settings, config!.Programme, calendar).Due;
            result.Add(new ReturnReport(dataset, state.State, settings?.Owner.Role, due, uploads));
        }

        return result;
    }

    private static async Task<List<DeliveryReport>> DeliveriesAsync(TableServiceClient tables, ReportingPeriod period, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}");
        var recipients = tables.GetTableClient(StorageLayout.RecipientsTable);
        await recipients.CreateIfNotExistsAsync(ct);
        var byDelivery = new Dictionary<string, List<RecipientReport>>(StringComparer.Ordinal);
        await foreach (var row in recipients.QueryAsync<RecipientRow>(filter, cancellationToken: ct))
        {
            var report = new RecipientReport(AddressMask.Of(row.Recipient), row.State, row.StateAt, row.LastError is { } e ? AddressMask.InText(e) : null);
            (byDelivery.TryGetValue(row.DeliveryKey, out var list) ? list : byDelivery[row.DeliveryKey] = []).Add(report);
        }

        var deliveries = tables.GetTableClient(StorageLayout.DeliveriesTable);
        await deliveries.CreateIfNotExistsAsync(ct);
        var result = new List<DeliveryReport>();
        await foreach (var row in deliveries.QueryAsync<DeliveryRow>(filter, cancellationToken: ct))
        {
            result.Add(new DeliveryReport(row.RowKey, row.Status, row.SentAt ?? row.UpdatedAt ?? row.ClaimedAt, row.Attempts, row.LastError is { } e ? AddressMask.InText(e) : null,
                byDelivery.GetValueOrDefault(row.RowKey) ?? []));
        }

        return result;
    }

    private static async Task<List<PaperReport>> PapersAsync(BlobServiceClient blobs, ReportingPeriod period, List<DeliveryReport> deliveries, CancellationToken ct)
    {
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        var exists = await reports.ExistsAsync(ct);
        var papers = new List<PaperReport>();
        foreach (var kind in ReportKinds.All)
        {
            var files = new SortedDictionary<int, List<string>>();
            if (exists)
            {
                await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, PaperVersion.Prefix(period, kind), ct))
                {
                    if (PaperVersion.TryParse(blob.Name, out var version, out var file))
                    {
                        (files.TryGetValue(version.Version, out var list) ? list : files[version.Version] = []).Add(file);
                    }
                }
            }

            var versions = new List<VersionReport>();
            foreach (var (number, names) in files)
            {
                var prefix = $"{kind.ToSlug()}-v{number}-";
                var sent = deliveries.Where(d => d.Delivery.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (!names.Contains(ReportManifest.FileName))
                {
                    versions.Add(new VersionReport(number, PaperStage.Incomplete, null, [], sent));
                    continue;
                }

                var paper = new PaperVersion(period, kind, number);
                var manifest = await ReportStore.ReadManifestAsync(reports, paper, ct);
                var signOff = await CommitteeCycle.SignOffStore.ReadAsync(reports, paper, ct);
                versions.Add(new VersionReport(number, StageOf(manifest, signOff), manifest.GeneratedAt, manifest.Findings?.Select(f => f.ToString()).ToList() ?? [], sent)
                {
                    SignedOff = signOff is null ? null : new SignOffReport(signOff.By, signOff.At, signOff.How, signOff.Then),
                    Replaces = manifest.Revision?.Replaces,
                });
            }

            papers.Add(new PaperReport(kind, versions));
        }

        return papers;
    }

    /// <summary>A complete version's stage: failed its checks, signed off (<c>signoff.json</c> beside the manifest), or drafted.</summary>
    internal static PaperStage StageOf(ReportManifest manifest, Core.Calendar.SignOff? signOff) =>
        manifest.Findings is { Count: > 0 } ? PaperStage.FailedChecks : signOff is not null ? PaperStage.SignedOff : PaperStage.Drafted;

    private static async Task<List<RunRow>> RunsAsync(TableServiceClient tables, ReportingPeriod period, CancellationToken ct)
    {
        var table = tables.GetTableClient(StorageLayout.RunsTable);
        await table.CreateIfNotExistsAsync(ct);
        var rows = new List<RunRow>();
        await foreach (var row in table.QueryAsync<RunRow>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: ct))
        {
            rows.Add(row);
        }

        return [.. rows.OrderBy(r => r.StartedAt)];
    }
}

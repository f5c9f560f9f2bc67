using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Reporting;
using Xunit.Abstractions;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>The real host killed (as kill -9 does) while it generates papers, then started again.</summary>
[Collection(LoadTestGroup.Name)]
[Trait("Category", "Load")]
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HostKilledMidGeneration_Restarted_EveryPaperCompleteOnceWithNoGapAndEmailedOnce()
    {
        await using var rig = await LoadRig.StartAsync();
        var first = await rig.StartHostAsync("first");
        var months = Enumerable.Range(0, 4 * LoadSize.Scale).Select(i => ReportingPeriod.Parse("2042-01").AddMonths(i)).ToList();
        await rig.UploadAsync(months.Select(m => ($"{m}/milestones.csv", LoadSize.Milestones)));
        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= months.Count, "the milestones ingested", TimeSpan.FromMinutes(5));
        var requests = rig.Queues.GetQueueClient(ReportRequest.QueueName);
        await requests.CreateIfNotExistsAsync();
        foreach (var month in months)
        {
            await requests.SendMessageAsync(new ReportRequest(month, []).ToJson());
        }

        var reports = rig.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        await rig.WaitAsync(async () => await reports.ExistsAsync() && reports.GetBlobs(BlobTraits.None, BlobStates.None, null, default).Any(b => b.Name.EndsWith(ReportManifest.FileName, StringComparison.Ordinal)), "the first paper", TimeSpan.FromMinutes(5));
        first.Kill();
        var atKill = Papers(reports);
        output.WriteLine($"killed with {atKill.Count(p => p.Manifest)} of {months.Count * 4} papers complete, {atKill.Count(p => !p.Manifest)} document(s) without manifest, {rig.SendGrid.Received.Count} email(s) sent");
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await rig.StartHostAsync("second");

        var expected = months.SelectMany(m => ReportKinds.All.Select(k => $"{m}/{k.ToSlug()}-v1-distribution")).ToList();
        await rig.WaitAsync(async () => await SettledAsync(rig, expected), "every paper emailed (or its email settled Unconfirmed)", TimeSpan.FromMinutes(8));
        output.WriteLine($"every paper complete and emailed {restarted.Elapsed.TotalSeconds:0} s after the restart began");

        foreach (var month in months)
        {
            foreach (var kind in ReportKinds.All)
            {
                var (latest, highest) = await ReportStore.LatestAsync(reports, month, kind, default);
                Assert.Equal((1, 1), (latest!.Version, highest));
                var document = (await reports.GetBlobClient(latest.DocumentBlob).DownloadContentAsync()).Value.Content.ToArray();
                Assert.Equal(latest.Files[0].Sha256, ReportManifest.Sha256(document));
            }
        }

        Assert.All(Papers(reports), p => Assert.True(p.Manifest, $"{p.Folder} has a document and no manifest"));
        Assert.All(rig.SendGrid.Received.GroupBy(m => m.DeliveryId), g => Assert.Single(g));
    }

    /// <summary>Each paper's email received by SendGrid, or (a request cut off by the kill) its delivery Unconfirmed: never sent twice.</summary>
    private static async Task<bool> SettledAsync(LoadRig rig, IReadOnlyList<string> deliveries)
    {
        var received = rig.SendGrid.Received.Select(m => m.DeliveryId).ToHashSet();
        if (deliveries.All(received.Contains))
        {
            return true;
        }

        var ledger = await rig.RowsAsync<DeliveryRow>(Core.Storage.StorageLayout.DeliveriesTable);
        return ledger is not null && deliveries.All(d => received.Contains(d) || ledger.Any(r => $"{r.PartitionKey}/{r.RowKey}" == d && r.Status == DeliveryStatus.Unconfirmed));
    }

    /// <summary>Each paper version folder, and whether its manifest is there.</summary>
    private static List<(string Folder, bool Manifest)> Papers(Azure.Storage.Blobs.BlobContainerClient reports) =>
        reports.GetBlobs(BlobTraits.None, BlobStates.None, null, default)
            .Where(b => PaperVersion.TryParse(b.Name, out _, out _))
            .GroupBy(b => b.Name[..b.Name.LastIndexOf('/')])
            .Select(g => (g.Key, g.Any(b => b.Name.EndsWith(ReportManifest.FileName, StringComparison.Ordinal))))
            .ToList();
}

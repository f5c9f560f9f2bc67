using System.Diagnostics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;
using Xunit.Abstractions;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>Two host processes on one storage account, as the app runs scaled out.</summary>
[Collection(LoadTestGroup.Name)]
[Trait("Category", "Load")]
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHosts_OneStorageAccount_EveryUploadAndRequestProcessedOnceAndEveryEmailSentOnce()
    {
        await using var rig = await LoadRig.StartAsync();
        const int dropMonths = 5;
        var papersFor = Enumerable.Range(0, 2 * LoadSize.Scale).Select(i => ReportingPeriod.Parse("2041-01").AddMonths((dropMonths * LoadSize.Scale) + i)).ToList(); // the months after the drops', at any scale
        var drops = LoadSize.Drops(months: dropMonths, firstMonth: "2041-01").Concat(papersFor.Select(m => ($"{m}/milestones.csv", LoadSize.Milestones))).ToList();
        rig.Settings["Ingestion:SweepGracePeriod"] = TimeSpan.FromSeconds(Math.Max(90, drops.Count * 1.5)).ToString("c");
        var hosts = new[] { await rig.StartHostAsync("a"), await rig.StartHostAsync("b") };
        var clock = Stopwatch.StartNew();

        var uploads = await rig.UploadAsync(drops);
        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= uploads.Count, $"{uploads.Count} ingests", TimeSpan.FromMinutes(10 * LoadSize.Scale));
        var ingested = clock.Elapsed;
        var requests = rig.Queues.GetQueueClient(ReportRequest.QueueName);
        await requests.CreateIfNotExistsAsync();
        var sent = new List<string>();
        foreach (var month in papersFor)
        {
            sent.Add((await requests.SendMessageAsync(new ReportRequest(month, []).ToJson())).Value.MessageId);
        }

        var papers = papersFor.SelectMany(m => ReportKinds.All.Select(k => $"{m}/{k.ToSlug()}-v1-distribution")).ToList();
        await rig.WaitAsync(
            () => Task.FromResult(uploads.All(u => rig.IngestsLogged(u) > 0 && rig.SendGrid.Received.Any(m => m.DeliveryId == u.DeliveryId)) && papers.All(p => rig.SendGrid.Received.Any(m => m.DeliveryId == p))),
            "every upload answered and every paper emailed", TimeSpan.FromMinutes(8));
        output.WriteLine($"two instances: {uploads.Count} uploads ingested {ingested.TotalSeconds:0.0} s after the first upload began ({uploads.Count / ingested.TotalSeconds:0.00} uploads/s); ingests per instance: {string.Join(", ", hosts.Select(h => $"{h.Name} {h.Count("] Ingested ")}"))}");

        var all = (await rig.IngestRunsAsync())!;
        Assert.Equal(uploads.Count, all.Count);
        Assert.All(uploads, u => Assert.Equal(1, rig.IngestsLogged(u)));
        var runs = (await rig.RowsAsync<RunRow>(StorageLayout.RunsTable))!;
        Assert.All(sent, id => Assert.Single(runs, r => r.RowKey == RunRow.ReportsRunId(id) && r.Outcome == RunOutcome.Succeeded));
        Assert.Equal(sent.Count, runs.Count(r => r.Function == nameof(GenerateReports)));
        Assert.Equal(sent.Count, hosts.Sum(h => h.Count("] Report request for ")));
        var reports = rig.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        foreach (var month in papersFor)
        {
            foreach (var kind in ReportKinds.All)
            {
                Assert.Equal(1, (await ReportStore.LatestAsync(reports, month, kind, default)).Highest);
            }
        }

        Assert.All(rig.SendGrid.Received.GroupBy(m => m.DeliveryId), g => Assert.Single(g));
    }
}

using System.Diagnostics;
using Xunit.Abstractions;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>The real host (its own process) under a month's worth of uploads arriving at once.</summary>
[Collection(LoadTestGroup.Name)]
[Trait("Category", "Load")]
public sealed class BurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Burst_DropsOverManyMonthsWithTheSweepEveryTwoSeconds_EachIngestedOnceAndAnsweredOnce()
    {
        await using var rig = await LoadRig.StartAsync();
        var drops = LoadSize.Drops(months: 10);
        // Longer than the trigger's backlog can be here (about one upload a second), so that the sweep, every 2 s, takes
        // only uploads the trigger's scan missed, never one it still has queued.
        rig.Settings["Ingestion:SweepGracePeriod"] = TimeSpan.FromSeconds(Math.Max(90, drops.Count * 1.5)).ToString("c");
        await rig.StartHostAsync("one");
        var clock = Stopwatch.StartNew();

        var uploads = await rig.UploadAsync(drops);

        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= uploads.Count, $"{uploads.Count} ingests", TimeSpan.FromMinutes(10 * LoadSize.Scale));
        var ingested = clock.Elapsed;
        await rig.WaitAsync(() => Task.FromResult(uploads.All(u => rig.IngestsLogged(u) > 0 && rig.SendGrid.Received.Any(m => m.DeliveryId == u.DeliveryId))), "every ingest logged and answered", TimeSpan.FromMinutes(5));
        output.WriteLine($"{uploads.Count} uploads over {uploads.Count / 6} months: all ingested {ingested.TotalSeconds:0.0} s after the first upload began ({uploads.Count / ingested.TotalSeconds:0.00} uploads/s, one instance)");

        var all = (await rig.IngestRunsAsync())!;
        Assert.Equal(uploads.Count, all.Count);
        Assert.All(uploads, u => Assert.Single(all, r => r.Subject == $"drops/{u.Name}" && (r.PartitionKey, r.RowKey) == u.RunKey));
        Assert.All(uploads, u => Assert.Equal(1, rig.IngestsLogged(u)));
        Assert.All(rig.SendGrid.Received.GroupBy(m => m.DeliveryId), g => Assert.Single(g));
    }
}

[CollectionDefinition(Name)]
public sealed class LoadTestGroup
{
    /// <summary>The load and fault tests run one at a time: each starts its own storage and host processes.</summary>
    public const string Name = "load";
}

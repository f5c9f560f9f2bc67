using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>CycleWatch on the real runs table, with a fake clock years ahead so that every run the other tests wrote is old.</summary>
[Collection(HostTestGroup.Name)]
public sealed class CycleWatchTests(HostFixture host)
{
    [Fact]
    public async Task Run_NoCycleInTheWindow_LogsEvent4001_AndACycleInsideItSilencesIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2045, 6, 1, 9, 30, 0, TimeSpan.Zero));
        var log = new FakeLogger<CycleWatch>();
        var watch = new CycleWatch(host.Tables, new ProgrammeClock(clock, TimeZoneInfo.Utc), log);
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await runs.CreateIfNotExistsAsync();
        var old = RunRow.CycleRequested("2045-02", new DateOnly(2045, 3, 6), "requested every paper for 2045-02", clock.GetUtcNow().AddDays(-87));
        await runs.UpsertEntityAsync(old);

        await watch.Run(null!, CancellationToken.None);

        Assert.Equal(4001, Assert.Single(log.Collector.GetSnapshot()).Id.Id);

        var cycle = RunRow.CycleRequested("2045-04", new DateOnly(2045, 5, 6), "requested every paper for 2045-04", clock.GetUtcNow().AddDays(-26));
        await runs.UpsertEntityAsync(cycle);
        log.Collector.Clear();

        await watch.Run(null!, CancellationToken.None);

        Assert.Empty(log.Collector.GetSnapshot());
        await runs.DeleteEntityAsync(cycle.PartitionKey, cycle.RowKey);
        await runs.DeleteEntityAsync(old.PartitionKey, old.RowKey);
    }
}

using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using Xunit.Abstractions;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>The real host through a crash and a storage outage in the middle of a month's uploads.</summary>
[Collection(LoadTestGroup.Name)]
[Trait("Category", "Load")]
public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HostKilledMidIngestThenStorageStoppedAndRestarted_NothingLostAndNothingSentTwice()
    {
        await using var rig = await LoadRig.StartAsync(onDisk: true);
        var first = await rig.StartHostAsync("first");
        var uploads = await rig.UploadAsync(LoadSize.Drops(months: 5));

        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= uploads.Count / 4, "a quarter ingested", TimeSpan.FromMinutes(5));
        first.Kill();
        output.WriteLine($"host killed after {(await rig.IngestRunsAsync())!.Count} of {uploads.Count} ingests");
        var second = await rig.StartHostAsync("second");
        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= uploads.Count / 2, "half ingested", TimeSpan.FromMinutes(5));
        rig.Azurite.Stop();
        output.WriteLine($"storage stopped for 10 s with {rig.SendGrid.Received.Count} owner emails sent");
        await Task.Delay(TimeSpan.FromSeconds(10));
        await rig.Azurite.StartAsync();

        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && uploads.All(u => runs.Any(r => (r.PartitionKey, r.RowKey) == u.RunKey)), "every upload ingested", TimeSpan.FromMinutes(10 * LoadSize.Scale));
        await rig.WaitAsync(async () => await AnsweredAsync(rig, uploads), "every owner answered (or the email settled Unconfirmed) and no delivery left Sending", TimeSpan.FromMinutes(5));

        Assert.Equal(uploads.Count, (await rig.IngestRunsAsync())!.Count);
        var archived = rig.Blobs.GetBlobContainerClient(StorageLayout.Archive).GetBlobs(BlobTraits.None, BlobStates.None, null, default).Select(b => b.Name).ToList();
        Assert.Equal(uploads.Count, archived.Count);
        Assert.All(rig.SendGrid.Received.GroupBy(m => m.DeliveryId), g => Assert.Single(g));
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(second.Health)).IsSuccessStatusCode, second.Tail());
    }

    private static async Task<bool> AnsweredAsync(LoadRig rig, IReadOnlyList<Upload> uploads)
    {
        var ledger = await rig.RowsAsync<DeliveryRow>(StorageLayout.DeliveriesTable);
        var received = rig.SendGrid.Received.Select(m => m.DeliveryId).ToHashSet();
        return ledger is not null
            && ledger.All(r => r.Status != DeliveryStatus.Sending)
            && uploads.All(u => received.Contains(u.DeliveryId) || ledger.Any(r => $"{r.PartitionKey}/{r.RowKey}" == u.DeliveryId && r.Status == DeliveryStatus.Unconfirmed));
    }
}

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
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && runs.Count >= uploads.Count / 2, "half ingested", TimeSpan.FromMinutes(5));
        rig.Azurite.Stop();
        output.WriteLine($"storage stopped for 10 s with {rig.SendGrid.Received.Count} owner emails sent");
        await Task.Delay(TimeSpan.FromSeconds(10));
        await rig.Azurite.StartAsync();

        await rig.WaitAsync(async () => await rig.IngestRunsAsync() is { } runs && uploads.All(u => runs.Any(r => (r.PartitionKey, r.RowKey) == u.RunKey)), "every upload ingested", TimeSpan.FromMinutes(10 * LoadSize.Scale));
        try
        {
            // Up to 12 minutes: a message whose function failed while storage was down (its run row and its return to the queue
            // both unwritten) comes back only after the queue listener's 10-minute hold.
            await rig.WaitAsync(async () => await AnsweredAsync(rig, uploads), "every owner answered (or the email settled Unconfirmed) and no delivery left Sending", TimeSpan.FromMinutes(12));
        }
        catch (TimeoutException)
        {
            var received = rig.SendGrid.Received.Select(m => m.DeliveryId).ToHashSet();
            output.WriteLine($"not answered: {string.Join(", ", uploads.Where(u => !received.Contains(u.DeliveryId)).Select(u => u.DeliveryId))}");
            foreach (var row in (await rig.RowsAsync<DeliveryRow>(StorageLayout.DeliveriesTable))!.Where(r => r.Status != DeliveryStatus.Sent))
            {
                output.WriteLine($"delivery {row.PartitionKey}/{row.RowKey} {row.Status} {row.Stage} lease {row.LeaseUntil:O} {row.LastError}");
            }

            foreach (var run in (await rig.RowsAsync<Operations.RunRow>(StorageLayout.RunsTable))!.Where(r => r.Function != "IngestDrop"))
            {
                output.WriteLine($"run {run.PartitionKey}/{run.RowKey} {run.Outcome} {run.Subject} {run.Detail}");
            }

            output.WriteLine(string.Join(Environment.NewLine, rig.Hosts.SelectMany(h => h.Lines.Where(l => l.Contains("warn", StringComparison.Ordinal) || l.Contains("fail", StringComparison.Ordinal) || l.Contains("crit", StringComparison.Ordinal)).Select(l => $"{h.Name}: {l}"))));
            throw;
        }

        output.WriteLine($"everything ingested and answered {restarted.Elapsed.TotalSeconds:0} s after the restart");
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

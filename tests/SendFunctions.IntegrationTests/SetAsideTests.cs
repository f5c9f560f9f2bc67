using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>An upload named so that the blob trigger's own container scan throws, under the supervised host as Program.cs runs it.</summary>
public sealed class SetAsideTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Host_UploadNamedOutsideTheContainer_IsSetAsideAnsweredAndTheHostCarriesOn()
    {
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var drops = blobs.GetBlobContainerClient(StorageLayout.Drops);
        await drops.CreateIfNotExistsAsync();
        using var stop = new CancellationTokenSource();
        var hosting = FunctionHost.RunSupervisedAsync(() => FunctionHost.Create([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DropSweepSchedule"] = "*/2 * * * * *",
            ["Ingestion:SweepGracePeriod"] = "00:00:05", // Azurite's blob scan misses same-second uploads
            ["Mail:PickupDirectory"] = Directory.CreateTempSubdirectory("setaside-mail-").FullName,
        }), webhookUrls: $"http://127.0.0.1:{FreePort()}"), stop.Token);
        await UploadAndWaitAsync(blobs, "2038-01/milestones.csv");

        var sas = drops.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        await new BlobClient(new Uri($"{sas.GetLeftPart(UriPartial.Path)}/..%2F..%2Fx.csv{sas.Query}")).UploadAsync(new BinaryData("a,b\r\n"u8.ToArray()));

        var aside = await Eventually.GetAsync(async () =>
        {
            await foreach (var blob in drops.GetBlobsAsync(BlobTraits.None, BlobStates.None, DropName.SetAsideFolder + "/", CancellationToken.None))
            {
                return blob.Name;
            }

            return null;
        }, "the upload set aside", seconds: 90);
        Assert.EndsWith("/~2E~2E~2F~2E~2E~2Fx.csv", aside, StringComparison.Ordinal);
        var runs = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(
            async () => await runs.QueryAsync<RunRow>(r => r.PartitionKey == StorageLayout.NoPeriod).FirstOrDefaultAsync(r => r.Subject == $"drops/{aside}"),
            "the set-aside upload's run", seconds: 90);
        await UploadAndWaitAsync(blobs, "2038-02/milestones.csv");
        Assert.False(hosting.IsCompleted);
        await stop.CancelAsync();
        await hosting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task UploadAndWaitAsync(BlobServiceClient blobs, string name)
    {
        var uploaded = (await blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name)
            .UploadAsync(new BinaryData("Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,A,B,C,30/06/2038\r\n"u8.ToArray()), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        var runs = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return await runs.FindAsync<RunRow>(partition, rowKey);
            }
            catch (Azure.RequestFailedException)
            {
                return null; // the table does not exist yet
            }
        }, $"the ingest of {name}", seconds: 90);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

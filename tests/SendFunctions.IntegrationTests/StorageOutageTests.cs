using System.Runtime.ExceptionServices;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>The real host, supervised as Program.cs runs it, while its storage (a real Azurite with its data on disk) goes away and comes back.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new(onDisk: true);

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Host_StorageStoppedForTenSecondsThenBack_KeepsRunningAndIngestsTheNextUpload()
    {
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient(StorageLayout.Drops).CreateIfNotExistsAsync();
        using var stop = new CancellationTokenSource();
        var hosting = FunctionHost.RunSupervisedAsync(() => FunctionHost.Create([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DropSweepSchedule"] = "*/2 * * * * *",
            ["Ingestion:SweepGracePeriod"] = "00:00:05",
            ["Mail:PickupDirectory"] = Directory.CreateTempSubdirectory("outage-mail-").FullName,
        }), webhookUrls: $"http://127.0.0.1:{FreePort()}"), stop.Token);

        await UploadAndWaitAsync(blobs, "2037-01/milestones.csv");

        azurite.Stop();
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.False(hosting.IsCompleted, "the supervised host ended during the outage");
        await azurite.StartAsync();

        await UploadAndWaitAsync(blobs, "2037-02/milestones.csv");
        Assert.False(hosting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hosting).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task Host_ListenerFailure_StopsThatHostAndTheSupervisorStartsANewOneThatCarriesOn()
    {
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient(StorageLayout.Drops).CreateIfNotExistsAsync();
        var started = new List<IServiceProvider>();
        using var stop = new CancellationTokenSource();
        var hosting = FunctionHost.RunSupervisedAsync(
            () => FunctionHost.Create([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Mail:PickupDirectory"] = Directory.CreateTempSubdirectory("outage-mail-").FullName,
            }), webhookUrls: $"http://127.0.0.1:{FreePort()}").ConfigureServices(services => services.AddHostedService(sp => new Recorded(sp, started))),
            stop.Token);
        await UploadAndWaitAsync(blobs, "2037-03/milestones.csv");

        // What a listener's exception reaches: the SDK's handler. Its own default ends the process; ours stops this host only.
        var handler = started[0].GetRequiredService<IWebJobsExceptionHandlerFactory>().Create(started[0].GetRequiredService<IHost>());
        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new InvalidOperationException("the blob listener failed")));

        await Eventually.GetAsync(() => Task.FromResult(started.Count == 2 ? (object)true : null), "a second host", seconds: 60);
        await UploadAndWaitAsync(blobs, "2037-04/milestones.csv");
        Assert.False(hosting.IsCompleted);
        await stop.CancelAsync();
        await hosting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task UploadAndWaitAsync(BlobServiceClient blobs, string name)
    {
        var uploaded = (await blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name)
            .UploadAsync(new BinaryData("Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,A,B,C,30/06/2037\r\n"u8.ToArray()), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        var runs = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient(StorageLayout.RunsTable);
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

    /// <summary>Notes each host the supervisor starts.</summary>
    private sealed class Recorded(IServiceProvider services, List<IServiceProvider> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lock (started)
            {
                started.Add(services);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

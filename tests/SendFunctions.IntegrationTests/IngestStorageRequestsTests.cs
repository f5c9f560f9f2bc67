using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Storage;
using SendFunctions.Ingestion;
using SendFunctions.Recovery;
using Xunit.Abstractions;

using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>The storage requests one ingest of a sample drop makes, counted on the clients it is given (its own Azurite, no host).</summary>
[Collection(IsolatedHostGroup.Name)]
public sealed class IngestStorageRequestsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task IngestAsync_SecondUploadThroughTheSameClients_CreatesNoContainerQueueOrTable()
    {
        var plain = new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString);
        var config = plain.GetBlobContainerClient(StorageLayout.Config);
        await config.CreateIfNotExistsAsync();
        await config.GetBlobClient(StorageLayout.ConfigBlob).UploadAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json"), overwrite: true);
        var drops = plain.GetBlobContainerClient(StorageLayout.Drops);
        await drops.CreateIfNotExistsAsync();
        string[] names = ["2025-01/milestones.csv", "2025-01/risks.csv"];
        foreach (var name in names)
        {
            await drops.GetBlobClient(name).UploadAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", name), overwrite: true);
        }

        var requests = new StorageRequests();
        var (blobs, queues, tables) = (requests.Blobs(azurite.ConnectionString), requests.Queues(azurite.ConnectionString), requests.Tables(azurite.ConnectionString));
        var work = new InFlightWork(tables, TimeProvider.System, MsOptions.Create(new RecoveryOptions()), NullLogger<InFlightWork>.Instance);
        var ingest = new IngestDrop(blobs, new DropBlobs(blobs, null, TimeProvider.System), queues, tables, TimeProvider.System, MsOptions.Create(new IngestionOptions()), work, NullLogger<IngestDrop>.Instance);
        var creates = new List<IReadOnlyList<string>>();
        foreach (var name in names)
        {
            requests.Clear();
            await ingest.IngestAsync(name, CancellationToken.None);
            output.WriteLine($"{name}: {requests.All.Count} requests, {requests.Creates.Count} of them creates: {string.Join(", ", requests.Creates)}");
            creates.Add(requests.Creates);
        }

        Assert.NotEmpty(creates[0]);
        Assert.Empty(creates[1]);
    }
}

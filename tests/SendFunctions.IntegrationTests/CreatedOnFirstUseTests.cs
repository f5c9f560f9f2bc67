using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// Containers, queues and tables are created on their first use through a service client and not asked for again through
/// it; a failed creation is asked again. Requests counted on the clients under test (the shared Azurite, names of each test's own).
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class CreatedOnFirstUseTests(HostFixture host)
{
    public enum Kind
    {
        Container,
        Queue,
        Table,
    }

    [Theory]
    [InlineData(Kind.Container)]
    [InlineData(Kind.Queue)]
    [InlineData(Kind.Table)]
    public async Task UsedTwiceThroughOneClient_OneCreateRequest_AnotherClientMakesItsOwn(Kind kind)
    {
        var name = NewName();
        var requests = new StorageRequests();
        var first = Clients(requests);
        var second = Clients(requests);

        await UseAsync(first, kind, name);
        await UseAsync(first, kind, name);
        Assert.Single(requests.Creates);

        await UseAsync(second, kind, name);
        await UseAsync(second, kind, name);
        Assert.Equal(2, requests.Creates.Count);
    }

    [Fact]
    public async Task TableAsync_TenFirstCallersAtOnce_ShareOneCreateRequest()
    {
        var name = NewName();
        var requests = new StorageRequests();
        var tables = requests.Tables(host.ConnectionString);

        var used = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => CreatedOnFirstUse.TableAsync(tables, name, CancellationToken.None))));

        Assert.All(used, table => Assert.Equal(name, table.Name));
        Assert.Single(requests.Creates);
    }

    [Fact]
    public async Task ContainerAsync_NameStorageRefuses_AskedAgainOnTheNextCall()
    {
        var requests = new StorageRequests();
        var blobs = requests.Blobs(host.ConnectionString);

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => CreatedOnFirstUse.ContainerAsync(blobs, "Not_A_Container", CancellationToken.None));
        await Assert.ThrowsAsync<RequestFailedException>(() => CreatedOnFirstUse.ContainerAsync(blobs, "Not_A_Container", CancellationToken.None));

        Assert.Equal(400, refused.Status);
        Assert.Equal(2, requests.Creates.Count);
    }

    [Fact]
    public async Task TableAsync_StorageDownOnFirstUseThenBack_CreatedOnTheNextCall()
    {
        var name = NewName();
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var requests = new StorageRequests();
            var tables = requests.Tables(azurite.ConnectionString, maxRetries: 0);
            azurite.Stop();

            await Assert.ThrowsAsync<RequestFailedException>(() => CreatedOnFirstUse.TableAsync(tables, name, CancellationToken.None));
            await azurite.StartAsync();
            var table = await CreatedOnFirstUse.TableAsync(tables, name, CancellationToken.None);
            await CreatedOnFirstUse.TableAsync(tables, name, CancellationToken.None);

            Assert.Equal(2, requests.Creates.Count);
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r")); // the table is there
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task TableAsync_FirstCallerGivesUp_CreationGoesOnForTheNextCaller()
    {
        var name = NewName();
        var requests = new StorageRequests();
        var tables = requests.Tables(host.ConnectionString);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreatedOnFirstUse.TableAsync(tables, name, new CancellationToken(canceled: true)));
        var table = await CreatedOnFirstUse.TableAsync(tables, name, CancellationToken.None);

        Assert.Single(requests.Creates);
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
    }

    [Fact]
    public async Task RunLedgerRecordAsync_TwoRunsThroughOneClient_OneTableCreateRequest()
    {
        var requests = new StorageRequests();
        var tables = requests.Tables(host.ConnectionString);
        var at = DateTimeOffset.UtcNow;

        foreach (var day in new[] { new DateOnly(2039, 9, 1), new DateOnly(2039, 9, 2) })
        {
            await RunLedger.RecordAsync(tables, RunRow.CycleRequested("2039-08", day, "test", at), NullLogger.Instance, CancellationToken.None);
        }

        Assert.Single(requests.Creates);
        Assert.Equal(2, requests.All.Count(r => r.StartsWith("PUT", StringComparison.Ordinal) && r.Contains("2039-08", StringComparison.Ordinal)));
    }

    private (Azure.Storage.Blobs.BlobServiceClient Blobs, Azure.Storage.Queues.QueueServiceClient Queues, Azure.Data.Tables.TableServiceClient Tables) Clients(StorageRequests requests) =>
        (requests.Blobs(host.ConnectionString), requests.Queues(host.ConnectionString), requests.Tables(host.ConnectionString));

    private static async Task UseAsync((Azure.Storage.Blobs.BlobServiceClient Blobs, Azure.Storage.Queues.QueueServiceClient Queues, Azure.Data.Tables.TableServiceClient Tables) clients, Kind kind, string name)
    {
        switch (kind)
        {
            case Kind.Container:
                await CreatedOnFirstUse.ContainerAsync(clients.Blobs, name, CancellationToken.None);
                break;
            case Kind.Queue:
                await CreatedOnFirstUse.QueueAsync(clients.Queues, name, CancellationToken.None);
                break;
            case Kind.Table:
                await CreatedOnFirstUse.TableAsync(clients.Tables, name, CancellationToken.None);
                break;
        }
    }

    /// <summary>Valid as a container, queue and table name alike: a letter, then lower-case letters and digits.</summary>
    private static string NewName() => $"t{Guid.NewGuid():N}"[..24];
}

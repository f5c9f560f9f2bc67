using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Recovery;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// The in-flight index (<c>inflight</c>): the recovery finds the live runs there, checks each one's run row by its key and
/// never reads the run ledger as a whole, which keeps every run ever recorded.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class InFlightIndexTests(HostFixture host)
{
    [Fact]
    public async Task Recovery_LapsedRunInTheIndex_TakenUpCopyQueuedAndLeavesTheIndex()
    {
        var queue = await TestQueueAsync();
        var lapsed = RunRow.Running("2039-04", $"Test-{Guid.NewGuid():N}", "Test", "test", queue.Name, "{\"the\":\"request\"}", "dead-instance/1/a", DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(-1));
        var live = RunRow.Running("2039-04", $"Test-{Guid.NewGuid():N}", "Test", "test", queue.Name, "{\"live\":1}", "live-instance/1/b", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        foreach (var row in new[] { lapsed, live })
        {
            await InFlightIndex.PutAsync(await Index(), row, CancellationToken.None);
            await (await Runs()).UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var copy = await Eventually.GetAsync(async () => (await queue.ReceiveMessageAsync()).Value, "the copy of the lapsed run's request");

        Assert.Equal("{\"the\":\"request\"}", copy.Body.ToString());
        Assert.Equal(RunOutcome.Retrying, (await (await Runs()).GetEntityAsync<RunRow>(lapsed.PartitionKey, lapsed.RowKey)).Value.Outcome);
        await Eventually.GetAsync(async () => (await (await Index()).GetEntityIfExistsAsync<InFlightRow>(lapsed.PartitionKey, lapsed.RowKey)).HasValue ? null : "gone", "the lapsed run's index row removed");
        Assert.True((await (await Index()).GetEntityIfExistsAsync<InFlightRow>(live.PartitionKey, live.RowKey)).HasValue);
        Assert.Equal(RunOutcome.Running, (await (await Runs()).GetEntityAsync<RunRow>(live.PartitionKey, live.RowKey)).Value.Outcome);
        await (await Index()).DeleteEntityAsync(live.PartitionKey, live.RowKey); // leaves nothing live for other tests' recovery passes
    }

    [Fact]
    public async Task Recovery_IndexRowOfAFinishedOrNeverWrittenRun_Removed()
    {
        var finished = RunRow.Mailed("2039-05", Guid.NewGuid().ToString("N"), RunOutcome.Succeeded, "test", "Sent", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Test");
        var neverWritten = RunRow.Running("2039-05", $"Test-{Guid.NewGuid():N}", "Test", "test", "nowhere", null, "dead-instance/1/a", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        await InFlightIndex.PutAsync(await Index(), finished, CancellationToken.None);
        await (await Runs()).UpsertEntityAsync(finished, TableUpdateMode.Replace); // the worker recorded its outcome and died before leaving the index
        await InFlightIndex.PutAsync(await Index(), neverWritten, CancellationToken.None); // the worker died before writing its run row

        foreach (var row in new[] { finished, neverWritten })
        {
            await Eventually.GetAsync(async () => (await (await Index()).GetEntityIfExistsAsync<InFlightRow>(row.PartitionKey, row.RowKey)).HasValue ? null : "gone", "the stale index row removed");
        }

        Assert.Equal(RunOutcome.Succeeded, (await (await Runs()).GetEntityAsync<RunRow>(finished.PartitionKey, finished.RowKey)).Value.Outcome);
        Assert.False((await (await Runs()).GetEntityIfExistsAsync<RunRow>(neverWritten.PartitionKey, neverWritten.RowKey)).HasValue);
    }

    [Fact]
    public async Task Recovery_ManyFinishedRuns_ReadsTheIndexAndOnlyTheLiveRunsByKey()
    {
        const string period = "2039-06";
        var runs = await Runs();
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var chunk in Enumerable.Range(0, 300).Chunk(100))
        {
            await runs.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                RunRow.Mailed(period, $"finished-{i:D3}", RunOutcome.Succeeded, "test", "Sent", 1, started, started, "Test"))));
        }

        var unindexed = RunRow.Running(period, $"Test-{Guid.NewGuid():N}", "Test", "test", "nowhere", null, "old-version/1/a", started, started); // as a version before the index left it
        await runs.UpsertEntityAsync(unindexed, TableUpdateMode.Replace);
        var recorded = new RequestRecorder();
        var options = new TableClientOptions();
        options.AddPolicy(recorded, HttpPipelinePosition.PerCall);
        var recovery = new RecoverInFlight(new TableServiceClient(host.ConnectionString, options), host.Queues, TimeProvider.System, NullLogger<RecoverInFlight>.Instance);

        await recovery.Run(null!, CancellationToken.None);

        var runsRequests = recorded.Paths.Where(p => p.Contains($"/{StorageLayout.RunsTable}(", StringComparison.Ordinal)).ToList();
        Assert.Contains(recorded.Paths, p => p.EndsWith($"/{StorageLayout.InFlightTable}()", StringComparison.Ordinal));
        Assert.All(runsRequests, p => Assert.Contains("(PartitionKey='", p, StringComparison.Ordinal)); // point reads only: no query of the ledger
        Assert.DoesNotContain(runsRequests, p => p.Contains($"'{period}'", StringComparison.Ordinal));
        Assert.Equal(RunOutcome.Running, (await runs.GetEntityAsync<RunRow>(period, unindexed.RowKey)).Value.Outcome);
        await runs.DeleteEntityAsync(period, unindexed.RowKey);
    }

    [Fact]
    public async Task StartAsync_ThenFinishAsync_RunIndexedWhileRunningAndRemovedWithItsOutcome()
    {
        var work = host.Service<InFlightWork>();
        var runId = $"Test-{Guid.NewGuid():N}";

        await using (var inFlight = await work.StartAsync("2039-07", runId, "Test", "test", "nowhere", "{}", CancellationToken.None))
        {
            Assert.True((await (await Index()).GetEntityIfExistsAsync<InFlightRow>("2039-07", runId)).HasValue);
            await inFlight.FinishAsync(RunRow.Mailed("2039-07", runId["Test-".Length..], RunOutcome.Succeeded, "test", "Sent", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Test"), NullLogger.Instance, CancellationToken.None);
        }

        Assert.False((await (await Index()).GetEntityIfExistsAsync<InFlightRow>("2039-07", runId)).HasValue);
        Assert.Equal(RunOutcome.Succeeded, (await (await Runs()).GetEntityAsync<RunRow>("2039-07", runId)).Value.Outcome);
    }

    [Fact]
    public async Task QueuedAsync_Request_IndexedUnderItsRunId()
    {
        var work = host.Service<InFlightWork>();
        var runId = $"Test-{Guid.NewGuid():N}";

        await work.QueuedAsync("2039-08", runId, "Test", "test", "nowhere", "{}", CancellationToken.None);

        Assert.True((await (await Index()).GetEntityIfExistsAsync<InFlightRow>("2039-08", runId)).HasValue);
        Assert.Equal(RunOutcome.Running, (await (await Runs()).GetEntityAsync<RunRow>("2039-08", runId)).Value.Outcome);
        await (await Index()).DeleteEntityAsync("2039-08", runId);
        await (await Runs()).DeleteEntityAsync("2039-08", runId);
    }

    private Task<TableClient> Runs() => RunLedger.TableAsync(host.Tables, CancellationToken.None);

    private Task<TableClient> Index() => InFlightIndex.TableAsync(host.Tables, CancellationToken.None);

    private async Task<Azure.Storage.Queues.QueueClient> TestQueueAsync()
    {
        var queue = host.Queues.GetQueueClient($"inflight-test-{Guid.NewGuid():N}"[..40]);
        await queue.CreateAsync();
        return queue;
    }

    /// <summary>The path (with the table's keys, not the query string) of every request the recovery sends to table storage.</summary>
    private sealed class RequestRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> paths = new();

        public IReadOnlyList<string> Paths => [.. paths];

        public override void OnSendingRequest(HttpMessage message) => paths.Enqueue(Uri.UnescapeDataString(message.Request.Uri.Path));
    }
}

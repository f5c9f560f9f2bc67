using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>
/// One storage account (its own Azurite), a SendGrid stand-in, and the host processes started on them; what the load and
/// fault tests upload, and what they count afterwards (runs, log lines, emails received).
/// </summary>
internal sealed class LoadRig : IAsyncDisposable
{
    private readonly List<HostProcess> hosts = [];

    private LoadRig(AzuriteFixture azurite) => Azurite = azurite;

    public AzuriteFixture Azurite { get; }

    public LocalSendGridServer SendGrid { get; } = new();

    public BlobServiceClient Blobs { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    public QueueServiceClient Queues { get; private set; } = null!;

    public IReadOnlyList<HostProcess> Hosts => hosts;

    /// <summary>The hosts' settings beyond storage: short schedules so that a test's waits stay short.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["DropSweepSchedule"] = "*/2 * * * * *",
        ["Ingestion:SweepGracePeriod"] = "00:00:30",
        ["InFlightRecoverySchedule"] = "*/5 * * * * *",
        ["Recovery:WorkLease"] = "00:00:20",
        ["Recovery:QueuedGrace"] = "00:00:45",
        ["Mail:BaseDelay"] = "00:00:00.050",
        ["Mail:MaxDelay"] = "00:00:01",
        ["Mail:RequestTimeout"] = "00:00:05",
        ["Mail:ClaimLease"] = "00:00:10",
        ["SendGrid:ApiKey"] = "SG.load-test-key",
    };

    /// <param name="onDisk">Azurite keeps its data on disk, so that it can be stopped and started again (an outage).</param>
    public static async Task<LoadRig> StartAsync(bool onDisk = false)
    {
        var rig = new LoadRig(new AzuriteFixture(onDisk));
        await rig.Azurite.InitializeAsync();
        rig.Blobs = new BlobServiceClient(rig.Azurite.ConnectionString);
        rig.Tables = new TableServiceClient(rig.Azurite.ConnectionString);
        rig.Queues = new QueueServiceClient(rig.Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        rig.Settings["SendGrid:Host"] = rig.SendGrid.Host;
        await rig.Blobs.GetBlobContainerClient(StorageLayout.Drops).CreateIfNotExistsAsync();
        await rig.UploadConfigAsync();
        return rig;
    }

    public async Task<HostProcess> StartHostAsync(string name)
    {
        var host = await HostProcess.StartAsync(name, Azurite.ConnectionString, Settings);
        hosts.Add(host);
        return host;
    }

    /// <summary>Uploads every drop at once (16 at a time), as a month's deadline brings them.</summary>
    public async Task<IReadOnlyList<Upload>> UploadAsync(IEnumerable<(string Name, byte[] Content)> drops)
    {
        var container = Blobs.GetBlobContainerClient(StorageLayout.Drops);
        var uploads = new System.Collections.Concurrent.ConcurrentBag<Upload>();
        await Parallel.ForEachAsync(drops, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (drop, ct) =>
        {
            var info = (await container.GetBlobClient(drop.Name).UploadAsync(new BinaryData(drop.Content), overwrite: false, ct)).Value;
            uploads.Add(new Upload(drop.Name, info.LastModified, info.ETag.ToString()));
        });
        return [.. uploads.OrderBy(u => u.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every ingest row in the runs table, or null while storage does not answer.</summary>
    public async Task<IReadOnlyList<RunRow>?> IngestRunsAsync()
    {
        try
        {
            var runs = new List<RunRow>();
            var table = Tables.GetTableClient(StorageLayout.RunsTable);
            await foreach (var run in table.QueryAsync<RunRow>(r => r.RowKey.CompareTo(RunRow.IngestPrefix) >= 0 && r.RowKey.CompareTo(RunRow.IngestPrefixEnd) < 0))
            {
                runs.Add(run);
            }

            return runs;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            return null; // storage down, or the table not made yet
        }
    }

    /// <summary>Every row of a table, or null while storage does not answer.</summary>
    public async Task<IReadOnlyList<T>?> RowsAsync<T>(string table)
        where T : class, ITableEntity, new()
    {
        try
        {
            var rows = new List<T>();
            await foreach (var row in Tables.GetTableClient(table).QueryAsync<T>())
            {
                rows.Add(row);
            }

            return rows;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            return null;
        }
    }

    /// <summary>Polls <paramref name="done"/> until it holds; a generous bound on waiting, never the thing tested.</summary>
    public async Task WaitAsync(Func<Task<bool>> done, string what, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Timed out after {within.TotalSeconds:0} s waiting for {what}. Last host log:{Environment.NewLine}{hosts.LastOrDefault()?.Tail()}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Ingest log lines (event 1000) for one upload, across every host process started.</summary>
    public int IngestsLogged(Upload upload) => hosts.Sum(h => h.Count($"Ingested {upload.Name}:"));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        SendGrid.Dispose();
    }

    /// <summary>The sample reporting.json without committee calendars: papers go straight to their lists.</summary>
    private async Task UploadConfigAsync()
    {
        var json = JsonNode.Parse(File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")))!.AsObject();
        foreach (var (_, report) in json["reports"]!.AsObject())
        {
            report!.AsObject().Remove("calendar");
        }

        var config = Blobs.GetBlobContainerClient("config");
        await config.CreateIfNotExistsAsync();
        await config.GetBlobClient("reporting.json").UploadAsync(BinaryData.FromString(json.ToJsonString()), overwrite: true);
    }
}

/// <summary>One upload: its name and the identity its ingest run, archive copy and owner email are keyed by.</summary>
internal sealed record Upload(string Name, DateTimeOffset UploadedAt, string ETag)
{
    public (string Partition, string RowKey) RunKey => RunRow.IngestKey(Name, UploadedAt, ETag);

    /// <summary>The owner's email about it, as its delivery id reaches SendGrid: <c>{period}/drop-{dataset}-{stamp}</c>.</summary>
    public string DeliveryId => $"{RunKey.Partition}/drop-{DatasetNames.ToSlug(DropPath.Parse(Name).Drop!.Dataset)}-{StorageLayout.Stamp(UploadedAt, ETag)}";
}

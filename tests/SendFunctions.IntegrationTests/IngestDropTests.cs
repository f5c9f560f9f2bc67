using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Ingestion;

using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>Real blobs uploaded to a real Azurite, ingested by the real host's IngestDrop (storage of this class's own). Each test uses its own period.</summary>
[Collection(IsolatedHostGroup.Name)]
public sealed class IngestDropTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Header = "Milestone ID,Workstream,Milestone,Owner,Due Date,Revised Due Date,Completed Date,Status,At Risk,Commentary";

    [Fact]
    public async Task Upload_ValidCsv_IsArchivedReportedAndCurated()
    {
        var name = "2031-01/milestones.csv";
        var uploaded = await UploadAsync(name, Milestones("WS1-01", "WS1-02"));

        var run = await WaitForRunAsync(name, uploaded);

        Assert.Equal("Accepted", run.GetString("Outcome"));
        Assert.Equal(2, run.GetInt32("Rows"));
        var archived = await DownloadAsync("archive", $"2031-01/milestones/{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}.csv");
        Assert.Equal(Milestones("WS1-01", "WS1-02"), archived);
        using var report = JsonDocument.Parse(await DownloadAsync("validation", $"2031-01/milestones/{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}.json"));
        Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.NotEmpty(await DownloadAsync("validation", $"2031-01/milestones/{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}.csv"));
        var curated = CuratedDrop.FromJson(await DownloadAsync("curated", "2031-01/milestones.json"));
        Assert.Equal(["WS1-01", "WS1-02"], Assert.IsType<DatasetRows<Core.Milestones.Milestone>>(curated.Data).Items.Select(m => m.Id));
        Assert.Equal($"drops/{name}", curated.Source.Blob);
    }

    [Fact]
    public async Task Upload_InvalidAfterValid_IsReportedAndLeavesCuratedUntouched()
    {
        var name = "2031-02/milestones.csv";
        var first = await UploadAsync(name, Milestones("WS1-01"));
        await WaitForRunAsync(name, first);
        var good = await DownloadAsync("curated", "2031-02/milestones.json");
        await Eventually.PastTheSecondOfAsync(first.LastModified);

        var bad = await UploadAsync(name, Encoding.UTF8.GetBytes(Header + "\r\nWS1-09,A,B,C,31/02/2031,,,In progress,No,x\r\n"));
        var run = await WaitForRunAsync(name, bad);

        Assert.Equal("Rejected", run.GetString("Outcome"));
        Assert.Equal(1, run.GetInt32("Errors"));
        Assert.Equal(good, await DownloadAsync("curated", "2031-02/milestones.json"));
        using var report = JsonDocument.Parse(await DownloadAsync("validation", $"2031-02/milestones/{StorageLayout.Stamp(bad.LastModified, bad.ETag.ToString())}.json"));
        Assert.Equal("BadDate", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(2, await CountAsync("archive", "2031-02/milestones/"));
    }

    [Fact]
    public async Task Upload_LaterVersion_SupersedesAndKeepsHistory()
    {
        var name = "2031-03/milestones.csv";
        var first = await UploadAsync(name, Milestones("WS1-01"));
        await WaitForRunAsync(name, first);
        await Eventually.PastTheSecondOfAsync(first.LastModified);
        await WaitForRunAsync(name, await UploadAsync(name, Milestones("WS1-01", "WS1-02", "WS1-03")));

        var curated = CuratedDrop.FromJson(await DownloadAsync("curated", "2031-03/milestones.json"));

        Assert.Equal(3, curated.Rows);
        Assert.Equal(2, await CountAsync("curated", "2031-03/milestones/"));
    }

    [Fact]
    public async Task Redelivery_OfTheSameBlob_CreatesNoSecondVersion()
    {
        var name = "2031-04/milestones.csv";
        await WaitForRunAsync(name, await UploadAsync(name, Milestones("WS1-01")));
        var before = await DownloadAsync("curated", "2031-04/milestones.json");

        await host.Service<IngestDrop>().IngestAsync(name, CancellationToken.None);

        Assert.Equal(1, await CountAsync("curated", "2031-04/milestones/"));
        Assert.Equal(1, await CountAsync("archive", "2031-04/milestones/"));
        Assert.Equal(before, await DownloadAsync("curated", "2031-04/milestones.json"));
    }

    [Fact]
    public async Task Ingest_UploadDeletedBeforeItIsRead_IsNothingToIngest()
    {
        await host.Service<IngestDrop>().IngestAsync("2031-11/milestones.csv", CancellationToken.None);

        Assert.Equal(0, await CountAsync("archive", "2031-11/"));
        Assert.Equal(0, await CountAsync("validation", "2031-11/"));
    }

    [Fact]
    public async Task Sweep_UploadWithoutARunRecordPastTheGracePeriod_IsIngestedOnceMore()
    {
        var name = "2031-06/actions.csv";
        var uploaded = await UploadAsync(name, "ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,01/06/2031,30/06/2031,Open\r\n"u8.ToArray());
        var first = await WaitForRunAsync(name, uploaded);
        await host.Tables.GetTableClient(StorageLayout.RunsTable).DeleteEntityAsync(first.PartitionKey, first.RowKey);

        await Sweep(TimeSpan.FromMinutes(5)).Run(null!, CancellationToken.None); // within the grace period: left to the trigger
        Assert.Null(await FindAsync(host.Tables.GetTableClient(StorageLayout.RunsTable), first.PartitionKey, first.RowKey));

        await Sweep(TimeSpan.FromMinutes(11)).Run(null!, CancellationToken.None);
        var swept = await WaitForRunAsync(name, uploaded);

        Assert.Equal("Accepted", swept.GetString("Outcome"));
        Assert.True(swept.GetDateTimeOffset("StartedAt") > first.GetDateTimeOffset("StartedAt"));
        Assert.Equal(1, await CountAsync("curated", "2031-06/actions/"));
    }

    [Fact]
    public async Task Burst_OfUploads_IsIngestedExactlyOnceEach_WithTheSweepRunningMeanwhile()
    {
        var names = Enumerable.Range(1, 40).Select(i => $"{2040 + (i % 4)}-{(i % 12) + 1:D2}/{(i % 3) switch { 0 => "milestones", 1 => "metrics", _ => "actions" }}.csv").Distinct().ToList();
        var uploads = await Task.WhenAll(names.Select(n => UploadAsync(n, "a,b\r\n1,2\r\n"u8.ToArray())));
        var sweeping = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.Service<SweepDrops>().Run(null!, CancellationToken.None);
            }
        });

        for (var i = 0; i < names.Count; i++)
        {
            await WaitForRunAsync(names[i], uploads[i]);
        }

        await sweeping;
        await host.Service<SweepDrops>().Run(null!, CancellationToken.None);
        var ingested = host.Logs.Snapshot().Where(r => r.EventId == 1000).Select(r => r.Value("Blob")).ToList();
        foreach (var name in names)
        {
            Assert.Equal(1, ingested.Count(b => b == name));
        }

        Assert.DoesNotContain(host.Logs.Snapshot(), r => r.EventId == 1002 && names.Contains(r.Value("Blob") ?? string.Empty));
    }

    private SweepDrops Sweep(TimeSpan ahead) => new(
        host.Blobs, host.Service<DropBlobs>(), host.Tables, host.Service<IngestDrop>(), new FakeTimeProvider(DateTimeOffset.UtcNow + ahead),
        MsOptions.Create(new IngestionOptions()), NullLogger<SweepDrops>.Instance);

    [Fact]
    public async Task Upload_UnrecognisedPath_IsArchivedAndReported()
    {
        var name = "2031-13/budget.csv";
        var uploaded = await UploadAsync(name, "a,b\r\n1,2\r\n"u8.ToArray());
        var table = host.Tables.GetTableClient(StorageLayout.RunsTable);
        var stamp = StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString());

        var run = await Eventually.GetAsync(() => FindAsync(table, StorageLayout.UnrecognisedFolder, $"IngestDrop-unknown-{stamp}"), "the run of an unrecognised upload");

        Assert.Equal("Rejected", run.GetString("Outcome"));
        Assert.Contains("{period}/{dataset}.{ext}", run.GetString("Detail"), StringComparison.Ordinal);
        Assert.Equal("a,b\r\n1,2\r\n"u8.ToArray(), await DownloadAsync("archive", $"_unrecognised/{stamp}/{name}"));
        Assert.Contains("BadPath", Encoding.UTF8.GetString(await DownloadAsync("validation", $"_unrecognised/{stamp}.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ZipBomb_IsRejectedAndTheHostCarriesOn()
    {
        var bomb = "2031-05/metrics.xlsx";
        var uploaded = await UploadAsync(bomb, ZipBomb(megabytes: 100));
        var run = await WaitForRunAsync(bomb, uploaded);
        Assert.Equal("Rejected", run.GetString("Outcome"));
        using var report = JsonDocument.Parse(await DownloadAsync("validation", $"2031-05/metrics/{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}.json"));
        Assert.Equal("TooLarge", report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());

        var next = "2031-05/milestones.csv";
        Assert.Equal("Accepted", (await WaitForRunAsync(next, await UploadAsync(next, Milestones("WS1-01")))).GetString("Outcome"));
    }

    private static byte[] Milestones(params string[] ids) => Encoding.UTF8.GetBytes(
        Header + "\r\n" + string.Concat(ids.Select(id => $"{id},Leadership,Deliver {id},Head of SEND,30/06/2031,,,In progress,No,On track\r\n")));

    private static byte[] ZipBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    private async Task<BlobContentInfo> UploadAsync(string name, byte[] content) =>
        (await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value;

    private async Task<TableEntity> WaitForRunAsync(string name, BlobContentInfo uploaded)
    {
        var drop = DropPath.Parse(name).Drop!;
        var rowKey = $"IngestDrop-{drop.Dataset.ToSlug()}-{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}";
        var table = host.Tables.GetTableClient(StorageLayout.RunsTable);
        return await Eventually.GetAsync(() => FindAsync(table, drop.Period.ToString(), rowKey), $"the ingest run of {name}");
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partition, string rowKey)
    {
        try
        {
            return (await table.GetEntityAsync<TableEntity>(partition, rowKey)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<byte[]> DownloadAsync(string container, string name) =>
        (await host.Blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();

    private async Task<int> CountAsync(string container, string prefix)
    {
        var count = 0;
        await foreach (var _ in host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}

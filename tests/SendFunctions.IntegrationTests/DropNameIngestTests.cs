using System.Text;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;
using SendFunctions.Ingestion;
using SendFunctions.Operations;

using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>Upload names the storage account accepts but URIs resolve, a sweep with one failing upload, and uploads in one second, on the real host.</summary>
[Collection(IsolatedHostGroup.Name)]
public sealed class DropNameIngestTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Header = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\n";

    [Fact]
    public async Task Sweep_UploadNamedWithDotDot_IsSetAsideArchivedUnderItsExactNameAndAnswered()
    {
        var name = $"2032-01/../budget-{Guid.NewGuid():N}.csv";
        var content = "a,b\r\n1,2\r\n"u8.ToArray();
        await ExactBlob(name).UploadAsync(new BinaryData(content));

        await host.Service<SweepDrops>().Run(null!, CancellationToken.None);

        Assert.False((await ExactBlob(name).ExistsAsync()).Value);
        var encoded = DropName.Encode(name).Replace("/", "~2F", StringComparison.Ordinal);
        var aside = await Eventually.GetAsync(() => FirstAsync("drops", DropName.SetAsideFolder + "/", n => n.EndsWith(encoded, StringComparison.Ordinal)), "the upload set aside");
        var archived = await Eventually.GetAsync(() => FirstAsync("archive", StorageLayout.UnrecognisedFolder + "/", n => n.EndsWith(aside, StringComparison.Ordinal)), "the set-aside upload archived");
        Assert.Equal(content, (await host.Blobs.GetBlobContainerClient("archive").GetBlobClient(archived).DownloadContentAsync()).Value.Content.ToArray());
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        var run = await Eventually.GetAsync(
            async () => await runs.QueryAsync<RunRow>(r => r.PartitionKey == StorageLayout.NoPeriod).FirstOrDefaultAsync(r => r.Subject == $"drops/{aside}"),
            "the set-aside upload's run");
        Assert.Equal(RunOutcome.Rejected, run.Outcome);
    }

    [Fact]
    public async Task Sweep_OneUploadFailsToIngest_IsRecordedForThatUploadAndTheRestAreIngested()
    {
        var failing = "2032-02/milestones.csv";
        var original = await UploadAsync(failing, Milestones("WS1-01"));
        await WaitForRunAsync(failing, original);
        var curated = host.Blobs.GetBlobContainerClient("curated").GetBlobClient("2032-02/milestones.json");
        var lease = curated.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1)); // something else holds the current version: saving a newer one throws
        try
        {
            await Eventually.PastTheSecondOfAsync(original.LastModified);
            var second = await UploadAsync(failing, Milestones("WS1-01", "WS1-02"));
            var later = "2032-03/actions.csv";
            var other = await UploadAsync(later, "ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,01/03/2032,30/03/2032,Open\r\n"u8.ToArray());
            var first = await WaitForRunAsync(later, other);
            await host.Tables.GetTableClient(StorageLayout.RunsTable).DeleteEntityAsync(first.PartitionKey, first.RowKey);

            await Sweep(TimeSpan.FromMinutes(11)).Run(null!, CancellationToken.None);

            var (partition, rowKey) = RunRow.IngestKey(failing, second.LastModified, second.ETag.ToString());
            var failed = await host.Tables.GetTableClient(StorageLayout.RunsTable).FindAsync<RunRow>(partition, $"IngestFailed-{rowKey[RunRow.IngestPrefix.Length..]}");
            Assert.NotNull(failed);
            Assert.Equal(RunOutcome.Failed, failed.Outcome);
            var swept = await WaitForRunAsync(later, other);
            Assert.True(swept.StartedAt > first.StartedAt);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    [Fact]
    public async Task Save_TwoUploadsInOneSecondSavedInEitherOrder_TheOneStillInDropsIsCurrent()
    {
        // Under a name the trigger does not curate, so only this test saves versions of 2032-04 milestones.
        var blob = $"supersession-{Guid.NewGuid():N}/milestones.csv";
        var drops = host.Service<DropBlobs>();
        BlobContentInfo older, newer;
        do
        {
            older = (await drops.Container.GetBlobClient(blob).UploadAsync(new BinaryData(Milestones("WS1-01")), overwrite: true)).Value;
            newer = (await drops.Container.GetBlobClient(blob).UploadAsync(new BinaryData(Milestones("WS1-01", "WS1-02")), overwrite: true)).Value;
        }
        while (older.LastModified != newer.LastModified);

        foreach (var (period, order) in new[] { ("2032-04", new[] { older, newer }), ("2032-05", new[] { newer, older }) })
        {
            foreach (var upload in order)
            {
                var rows = upload == older ? 1 : 2;
                var data = new CuratedDrop(Core.Periods.ReportingPeriod.Parse(period), new DropSource($"drops/{blob}", "archive/x", StorageLayout.CleanETag(upload.ETag.ToString()), upload.LastModified), new DatasetRows<Core.Milestones.Milestone>([]));
                await CuratedStore.SaveAsync(host.Blobs, drops, data, CancellationToken.None);
            }

            var current = CuratedDrop.FromJson((await host.Blobs.GetBlobContainerClient("curated").GetBlobClient($"{period}/milestones.json").DownloadContentAsync()).Value.Content);
            Assert.Equal(StorageLayout.CleanETag(newer.ETag.ToString()), current.Source.ETag);
        }
    }

    [Fact]
    public async Task Runs_SubjectWithNewlineAndRightToLeftOverride_IsOneLineShowingBoth()
    {
        var forged = $"drops/2032-06/\u202Evsc.senotselim\n2032-06 IngestDrop Accepted drops/2032-06/milestones.csv";
        var run = RunRow.IngestFailed("2032-06/milestones.csv", DateTimeOffset.UtcNow, "0x1", "detail", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        run.Subject = forged;
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await runs.CreateIfNotExistsAsync();
        await runs.UpsertEntityAsync(run);

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await Cli.SendfxApp.RunAsync(["runs", "--period", "2032-06", "--connection", host.ConnectionString], output, error));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("[U+202E]vsc.senotselim[U+000A]2032-06 IngestDrop", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', line);
    }

    [Fact]
    public async Task Upload_Misnamed_AnsweredOnceToTheOwnerOfTheDatasetItResembles()
    {
        var name = $"2032-07/Milestone-tracker-{Guid.NewGuid():N}.csv";
        await UploadAsync(name, Milestones("WS1-01"));

        var mail = await Eventually.GetAsync(
            () => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Text.Contains(name, StringComparison.Ordinal))), "the answer to a misnamed upload");

        Assert.Equal(["send.pmo@example.gov.uk"], mail.To);
        Assert.Contains("drops/2032-07/milestones.csv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("{period}/{dataset}.{ext}", mail.Text, StringComparison.Ordinal);
        await Task.Delay(2000);
        Assert.Single(host.SendGrid.Received, m => m.Text.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_MetricsFileAsMilestones_AnsweredOnceToTheMilestonesOwnerSayingItLooksLikeMetrics()
    {
        var name = "2032-08/milestones.csv";
        await UploadAsync(name, "Metric ID,Metric,Area,Unit,Polarity,Value,Target\r\nEHCP20,EHCPs issued within 20 weeks,EHCP,%,Higher is better,37,58\r\n"u8.ToArray());
        static bool Answer(ReceivedMail m) => m.Text.Contains("drops/2032-08/metrics.csv", StringComparison.Ordinal);

        var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(Answer)), "the answer to a metrics file uploaded as milestones");

        Assert.Equal(["send.pmo@example.gov.uk"], mail.To);
        Assert.Equal("Action needed: the file uploaded as your milestones return for August 2032 looks like the metrics return", mail.Subject);
        Assert.Contains("the metrics return (Children's Performance Team's return, childrens.performance@example.gov.uk)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("upload that file as drops/2032-08/milestones.csv", mail.Text, StringComparison.Ordinal);
        await Task.Delay(2000);
        Assert.Single(host.SendGrid.Received, Answer);
    }

    private SweepDrops Sweep(TimeSpan ahead) => new(
        host.Blobs, host.Service<DropBlobs>(), host.Tables, host.Service<IngestDrop>(), new FakeTimeProvider(DateTimeOffset.UtcNow + ahead),
        MsOptions.Create(new IngestionOptions()), NullLogger<SweepDrops>.Instance);

    /// <summary>A client for the exact name, as a client that does not resolve URIs would write it (slashes sent as %2F).</summary>
    private BlobClient ExactBlob(string name)
    {
        var sas = host.Blobs.GetBlobContainerClient("drops").GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        return new BlobClient(new Uri($"{sas.GetLeftPart(UriPartial.Path)}/{string.Join("%2F", name.Split('/').Select(Uri.EscapeDataString))}{sas.Query}"));
    }

    private async Task<string?> FirstAsync(string container, string prefix, Func<string, bool> match)
    {
        if (!(await host.Blobs.GetBlobContainerClient(container).ExistsAsync()).Value)
        {
            return null;
        }

        await foreach (var item in host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            if (match(item.Name))
            {
                return item.Name;
            }
        }

        return null;
    }

    private static byte[] Milestones(params string[] ids) => Encoding.UTF8.GetBytes(Header + string.Concat(ids.Select(id => $"{id},Leadership,Deliver {id},Head of SEND,30/06/2032\r\n")));

    private async Task<BlobContentInfo> UploadAsync(string name, byte[] content) =>
        (await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value;

    private async Task<RunRow> WaitForRunAsync(string name, BlobContentInfo uploaded)
    {
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        return await Eventually.GetAsync(() => host.Tables.GetTableClient(StorageLayout.RunsTable).FindAsync<RunRow>(partition, rowKey), $"the ingest run of {name}");
    }
}

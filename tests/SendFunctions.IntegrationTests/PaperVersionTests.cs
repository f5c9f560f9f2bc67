using System.Text;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>Paper versions made through the real queue trigger: racing requests, and a version left half-written by a crash.</summary>
[Collection(HostTestGroup.Name)]
public sealed class PaperVersionTests(HostFixture host)
{
    private const string Milestones = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2036\r\n";

    [Fact]
    public async Task RacingRequests_ForTheSameInputs_MakeOneVersionAndOneEmailPerPaper()
    {
        var period = ReportingPeriod.Parse("2036-01");
        await UploadMilestonesAsync(period);
        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();

        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => queue.SendMessageAsync(new ReportRequest(period, [ReportKind.HwbBoard, ReportKind.Exceptions]).ToJson())));

        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        foreach (var message in sent)
        {
            await Eventually.GetAsync(async () => await runs.FindAsync<RunRow>(period.ToString(), $"GenerateReports-{message.Value.MessageId}"), "each request's run", seconds: 120);
        }

        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        var names = reports.GetBlobs(BlobTraits.None, BlobStates.None, $"{period}/", CancellationToken.None).Select(b => b.Name).ToList();
        Assert.Contains($"{period}/hwb-board/v1/manifest.json", names);
        Assert.Contains($"{period}/exceptions/v1/manifest.json", names);
        Assert.DoesNotContain(names, n => n.Contains("/v2/", StringComparison.Ordinal));

        // Six email requests (three per paper) end in one send per paper: the rest find the delivery already made.
        await Eventually.GetAsync(
            () => Task.FromResult(runs.Query<RunRow>(r => r.PartitionKey == period.ToString() && r.Function == "SendReports").AsEnumerable().Count(r => r.Outcome != RunOutcome.Running) == 6 ? (object)true : null),
            "the six email runs", seconds: 120);
        Assert.Single(host.SendGrid.To("hwb.clerk@example.gov.uk"), m => m.Subject.Contains("January 2036", StringComparison.Ordinal));
        Assert.Single(host.SendGrid.To("send.executive@example.gov.uk"), m => m.Subject.Contains("January 2036", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_AfterACrashLeftADocumentWithoutItsManifest_CompletesThatVersionNumber()
    {
        var period = ReportingPeriod.Parse("2036-02");
        await UploadMilestonesAsync(period);
        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        await reports.CreateIfNotExistsAsync();
        var leftover = new PaperVersion(period, ReportKind.HwbBoard, 1).DocumentName("2036-02-hwb-board.docx");
        await reports.GetBlobClient(leftover).UploadAsync(new BinaryData("half-written"u8.ToArray()));

        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync(new ReportRequest(period, [ReportKind.HwbBoard]).ToJson());
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        var run = await Eventually.GetAsync(async () => await runs.FindAsync<RunRow>(period.ToString(), $"GenerateReports-{sent.Value.MessageId}"), "the request's run", seconds: 120);

        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        Assert.Contains("hwb-board v1 created", run.Detail, StringComparison.Ordinal);
        var (latest, highest) = await ReportStore.LatestAsync(reports, period, ReportKind.HwbBoard, CancellationToken.None);
        Assert.Equal(1, latest!.Version);
        Assert.Equal(1, highest);
        var document = (await reports.GetBlobClient(leftover).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(latest.Files[0].Sha256, ReportManifest.Sha256(document));
    }

    private async Task UploadMilestonesAsync(ReportingPeriod period)
    {
        var name = $"{period}/milestones.csv";
        var uploaded = (await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Milestones)), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(async () => await runs.FindAsync<RunRow>(partition, rowKey), $"the ingest of {name}");
    }
}

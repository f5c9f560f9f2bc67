using System.Text;
using DocumentFormat.OpenXml.Packaging;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>What the host tells a paper about each return, from its own storage: accepted, rejected (uploaded with errors), missing.</summary>
[Collection(HostTestGroup.Name)]
public sealed class ReturnStatesTests(HostFixture host)
{
    [Fact]
    public async Task Paper_ForAMonthWithItsActionLogRejectedAndNoMetrics_SaysSoAndShowsNoFigureFromThem()
    {
        var period = ReportingPeriod.Parse("2036-06");
        await UploadAndWaitAsync($"{period}/milestones.csv", "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/09/2036\r\n");
        await UploadAndWaitAsync($"{period}/actions.csv", "ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,31/02/2036,30/06/2036,Open\r\n");

        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync(new ReportRequest(period, [ReportKind.HwbBoard]).ToJson());
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        var run = await Eventually.GetAsync(() => runs.FindAsync<RunRow>(period.ToString(), $"GenerateReports-{sent.Value.MessageId}"), "the request's run", seconds: 120);

        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        var (manifest, _) = await ReportStore.LatestAsync(reports, period, ReportKind.HwbBoard, CancellationToken.None);
        Assert.Null(manifest!.Findings);
        Assert.False(string.IsNullOrWhiteSpace(manifest.CodeVersion));
        var docx = (await reports.GetBlobClient(manifest.DocumentBlob).DownloadContentAsync()).Value.Content.ToArray();
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("was rejected because it had errors", text, StringComparison.Ordinal);
        Assert.Contains("was not received", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No actions are now closed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No metric is rated red", text, StringComparison.Ordinal);
    }

    private async Task UploadAndWaitAsync(string name, string csv)
    {
        var uploaded = (await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        await Eventually.GetAsync(() => host.Tables.GetTableClient(StorageLayout.RunsTable).FindAsync<RunRow>(partition, rowKey), $"the ingest of {name}");
    }
}

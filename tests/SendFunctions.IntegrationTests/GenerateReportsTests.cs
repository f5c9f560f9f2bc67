using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using DocumentFormat.OpenXml.Packaging;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.IntegrationTests;

/// <summary>The sample months ingested by the real host, then report requests through the real queue trigger.</summary>
[Collection(HostTestGroup.Name)]
public sealed class GenerateReportsTests(HostFixture host)
{
    [Fact]
    public async Task ReportRequest_ForSampleMonth_StoresVersionedPapersAndQueuesEmails_ReusingOnRepeat()
    {
        await UploadSamplesAsync();

        var first = await RequestAndWaitAsync("""{"period":"2025-01","reports":["hwb-board","exceptions"]}""");
        Assert.Equal("Succeeded", first.GetString("Outcome"));
        Assert.Contains("hwb-board v1 created", first.GetString("Detail"), StringComparison.Ordinal);

        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        var paper = (await reports.GetBlobClient("2025-01/hwb-board/v1/2025-01-hwb-board.docx").DownloadContentAsync()).Value.Content.ToArray();
        var manifest = ReportManifest.FromJson((await reports.GetBlobClient("2025-01/hwb-board/v1/manifest.json").DownloadContentAsync()).Value.Content.ToMemory().Span);
        Assert.Equal(1, manifest.Version);
        Assert.Equal(ReportManifest.Sha256(paper), manifest.Files.Single().Sha256);
        Assert.Contains(manifest.Inputs, i => i.Period == ReportingPeriod.Parse("2025-01") && i.Dataset == Dataset.Milestones);
        Assert.Contains(manifest.Inputs, i => i.Period == ReportingPeriod.Parse("2024-12") && i.Dataset == Dataset.Milestones);
        Assert.Equal(22, manifest.Summary.Milestones);
        using (var document = WordprocessingDocument.Open(new MemoryStream(paper), false))
        {
            Assert.Contains("WSoA Impact Tracker", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var email = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("hwb.clerk@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("January 2025", StringComparison.Ordinal))), "the hwb-board email");
        Assert.Equal(["hwb.clerk@example.gov.uk"], email.To);
        Assert.Equal(["send.programme@example.gov.uk"], email.Cc);
        Assert.Equal("Health and Wellbeing Board: SEND Improvement, January 2025 (version 1)", email.Subject);
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("Health and Wellbeing Board - January 2025 - version 1.docx", attachment.FileName);
        Assert.Equal(paper, attachment.Content);
        Assert.Contains("five are delayed but not at risk", email.Html, StringComparison.Ordinal);
        Assert.Contains("WS6-01", email.Text, StringComparison.Ordinal);
        await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("send.executive@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("January 2025", StringComparison.Ordinal))), "the exceptions email");

        var again = await RequestAndWaitAsync("""{"period":"2025-01","reports":["hwb-board"]}""");
        Assert.Contains("hwb-board v1 reused (same inputs)", again.GetString("Detail"), StringComparison.Ordinal);
        Assert.False(await reports.GetBlobClient("2025-01/hwb-board/v2/manifest.json").ExistsAsync());
        await WaitForSkippedSendAsync("2025-01");
        Assert.Single(host.SendGrid.To("hwb.clerk@example.gov.uk"), m => m.Subject.Contains("January 2025", StringComparison.Ordinal)); // the repeated email request found the ledger row already sent

        // New data for the month: the next request makes version 2 and leaves version 1 as it was.
        var milestones = await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "milestones.csv"));
        await Eventually.PastTheSecondOfAsync((await host.Blobs.GetBlobContainerClient("drops").GetBlobClient("2025-01/milestones.csv").GetPropertiesAsync()).Value.LastModified);
        var upload = await UploadAsync("2025-01/milestones.csv", Encoding.UTF8.GetBytes(milestones.Replace("Launch planned for September.", "Launch confirmed for September.", StringComparison.Ordinal)));
        await host.WaitForIngestAsync("2025-01/milestones.csv", upload);
        var third = await RequestAndWaitAsync("""{"period":"2025-01","reports":["hwb-board"]}""");
        Assert.Contains("hwb-board v2 created", third.GetString("Detail"), StringComparison.Ordinal);
        Assert.Equal(paper, (await reports.GetBlobClient("2025-01/hwb-board/v1/2025-01-hwb-board.docx").DownloadContentAsync()).Value.Content.ToArray());
        await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("hwb.clerk@example.gov.uk").FirstOrDefault(m => m.Subject.EndsWith("January 2025 (version 2)", StringComparison.Ordinal))), "the version 2 email");

        // The deliberate exception: an explicit resend sends version 2 once more, recorded apart.
        Assert.Equal(0, (await Sendfx("resend", "--period", "2025-01", "--report", "hwb-board", "--reason", "The clerk's mailbox was full.", "--yes")).Exit);
        await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("hwb.clerk@example.gov.uk").FirstOrDefault(m => m.Subject.EndsWith("January 2025 (version 2, resent)", StringComparison.Ordinal))), "the resent email");
        var (exit, listing) = await Sendfx("deliveries", "--period", "2025-01");
        Assert.Equal(0, exit);
        Assert.Contains("hwb-board-v1-distribution", listing, StringComparison.Ordinal);
        Assert.Contains("hwb-board-v2-resend-", listing, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> Sendfx(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SendFunctions.Cli.SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        return (exit, output + error.ToString());
    }

    [Fact]
    public async Task ReportRequest_Malformed_IsRecordedAsFailedNotRetried()
    {
        var run = await RequestAndWaitAsync("""{"period":"2025-13"}""", partition: "_unrecognised");
        Assert.Equal("Failed", run.GetString("Outcome"));
        Assert.Contains("yyyy-MM", run.GetString("Detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRequest_MonthWithoutMilestones_IsFailedWithTheReason()
    {
        await UploadConfigAsync();
        var run = await RequestAndWaitAsync("""{"period":"2030-06","reports":[]}""");
        Assert.Equal("Failed", run.GetString("Outcome"));
        Assert.Contains("no accepted milestones for 2030-06", run.GetString("Detail"), StringComparison.Ordinal);
    }

    private async Task UploadSamplesAsync()
    {
        await UploadConfigAsync();
        await host.UploadSampleDropsAsync();
    }

    private Task UploadConfigAsync() =>
        host.UploadConfigAsync(File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")));

    private async Task<BlobContentInfo> UploadAsync(string name, byte[] content) =>
        (await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value;

    private async Task<TableEntity> RequestAndWaitAsync(string json, string? partition = null)
    {
        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync(json);
        var period = partition ?? ReportRequest.Parse(json).Request!.Period.ToString();
        return await Eventually.GetAsync(() => FindAsync(period, $"GenerateReports-{sent.Value.MessageId}"), $"the report run for {json}", seconds: 120);
    }

    private async Task<TableEntity?> FindAsync(string partition, string rowKey)
    {
        try
        {
            var run = (await host.Tables.GetTableClient(StorageLayout.RunsTable).GetEntityAsync<TableEntity>(partition, rowKey)).Value;
            return run.GetString("Outcome") == "Running" ? null : run; // under way: its outcome is not written yet
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task WaitForSkippedSendAsync(string period)
    {
        var table = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(async () =>
        {
            await foreach (var run in table.QueryAsync<TableEntity>(e => e.PartitionKey == period))
            {
                if (run.GetString("Function") == "SendReports" && run.GetString("Outcome") == "Skipped" && run.GetString("Subject")!.Contains("\"hwb-board\"", StringComparison.Ordinal))
                {
                    return run;
                }
            }

            return null;
        }, "the skipped repeat send");
    }
}

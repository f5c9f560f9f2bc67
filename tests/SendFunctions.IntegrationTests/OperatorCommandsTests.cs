using System.Text;
using System.Text.Json.Nodes;
using SendFunctions.Cli;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>sendfx's storage commands against the real host's storage: they read what the functions wrote, through the same rows and layout.</summary>
[Collection(HostTestGroup.Name)]
public sealed class OperatorCommandsTests(HostFixture host)
{
    private const string Milestones = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2034\r\n";

    [Fact]
    public async Task Runs_AfterAnUpload_ShowsTheIngestRowTheHostWrote()
    {
        await UploadAndWaitAsync("2034-01/milestones.csv");

        var (code, output) = await SendfxAsync("runs", "--period", "2034-01");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("IngestDrop", StringComparison.Ordinal));
        Assert.Contains("Accepted", line, StringComparison.Ordinal);
        Assert.Contains("drops/2034-01/milestones.csv", line, StringComparison.Ordinal);
        Assert.Contains("rows=1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleWithAColon_TravelsWholeFromConfigurationToTheSubject_AndResendReusesItThroughTheLayout()
    {
        var original = (await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync()).Value.Content.ToArray();
        var config = JsonNode.Parse(original)!;
        config["reports"]!["hwb-board"]!["title"] = "SEND: progress against the Written Statement of Action";
        await host.UploadConfigAsync(Encoding.UTF8.GetBytes(config.ToJsonString()));
        try
        {
            await UploadAndWaitAsync("2034-02/milestones.csv");
            Assert.Equal(0, (await SendfxAsync("request", "--period", "2034-02", "--report", "hwb-board")).Code);
            const string Subject = "Health and Wellbeing Board: SEND: progress against the Written Statement of Action, February 2034 (version 1)";
            await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Subject == Subject)), "the paper's email");

            var (code, output) = await SendfxAsync("resend", "--period", "2034-02", "--report", "hwb-board", "--reason", "The clerk's mailbox was full on the 6th.", "--yes");

            Assert.Equal(0, code);
            Assert.Contains("hwb-board v1 for 2034-02", output, StringComparison.Ordinal);
            var first = host.SendGrid.Received.Single(m => m.Subject == Subject);
            var resent = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Subject == Subject.Replace("(version 1)", "(version 1, resent)", StringComparison.Ordinal))), "the resent email");
            Assert.Contains("This is a resend of version 1: the paper is unchanged since it was first sent. Reason: The clerk's mailbox was full on the 6th.", resent.Text, StringComparison.Ordinal);
            Assert.Contains(Section(first.Text), resent.Text, StringComparison.Ordinal); // the same summary as the original
            Assert.Equal(first.Attachments.Single().Content, resent.Attachments.Single().Content);
            var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
            var rows = deliveries.QueryAsync<DeliveryRow>(r => r.PartitionKey == "2034-02").ToBlockingEnumerable().Where(r => r.RowKey.StartsWith("hwb-board-v1-", StringComparison.Ordinal)).ToList();
            Assert.Contains(rows, r => r.RowKey == "hwb-board-v1-distribution" && r.Status == DeliveryStatus.Sent);
            Assert.Contains(rows, r => r.RowKey.StartsWith("hwb-board-v1-resend-", StringComparison.Ordinal) && r.Status == DeliveryStatus.Sent && r.ResendReason == "The clerk's mailbox was full on the 6th.");
            Assert.Contains("resent because: The clerk's mailbox was full on the 6th.", (await SendfxAsync("deliveries", "--period", "2034-02")).Output, StringComparison.Ordinal);
            var (latest, highest) = await ReportStore.LatestAsync(host.Blobs.GetBlobContainerClient(StorageLayout.Reports), ReportingPeriod.Parse("2034-02"), ReportKind.HwbBoard, CancellationToken.None);
            Assert.Equal("SEND: progress against the Written Statement of Action, February 2034", latest!.Title);
            Assert.Equal(1, highest);
        }
        finally
        {
            await host.UploadConfigAsync(original);
        }
    }

    [Fact]
    public async Task Resend_AnswerIsNotYes_SendsNothing_AndYesQueuesIt()
    {
        await UploadAndWaitAsync("2034-03/milestones.csv");
        Assert.Equal(0, (await SendfxAsync("request", "--period", "2034-03", "--report", "hwb-board")).Code);
        var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
        await Eventually.GetAsync(async () => (await deliveries.FindAsync<DeliveryRow>("2034-03", "hwb-board-v1-distribution")) is { Status: DeliveryStatus.Sent } row ? row : null, "the paper's email", seconds: 120);

        var (declined, declinedOutput, declinedError) = await SendfxWithInputAsync("no\n", "resend", "--period", "2034-03", "--report", "hwb-board", "--reason", "The clerk asked for it again.");

        Assert.Equal(1, declined);
        Assert.Contains("This emails hwb-board v1 for 2034-03 to its whole distribution list again, saying why (\"The clerk asked for it again.\"). Type 'yes' to send:", declinedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Queued", declinedOutput, StringComparison.Ordinal);
        Assert.StartsWith("Nothing was sent", declinedError, StringComparison.Ordinal);
        Assert.Equal(1, (await SendfxWithInputAsync(string.Empty, "resend", "--period", "2034-03", "--report", "hwb-board", "--reason", "The clerk asked for it again.")).Code); // no answer at all

        var (confirmed, confirmedOutput, _) = await SendfxWithInputAsync("yes\n", "resend", "--period", "2034-03", "--report", "hwb-board", "--reason", "The clerk asked for it again.");

        Assert.Equal(0, confirmed);
        Assert.Contains("Queued a resend of hwb-board v1 for 2034-03", confirmedOutput, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> SendfxWithInputAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], reader, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task UploadAndWaitAsync(string name)
    {
        var uploaded = (await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Milestones)), overwrite: true)).Value;
        var period = name[..7];
        var rowKey = $"IngestDrop-milestones-{StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString())}";
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(async () => await runs.FindAsync<Operations.RunRow>(period, rowKey), $"the ingest of {name}");
    }

    private async Task<(int Code, string Output)> SendfxAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        return (code, output + error.ToString());
    }

    /// <summary>The email's summary: from "Summary" to the line before the closing sentence.</summary>
    private static string Section(string text)
    {
        var start = text.IndexOf("Summary", StringComparison.Ordinal);
        Assert.True(start >= 0, "the original email has a summary");
        return text[start..text.IndexOf("This email was sent automatically", StringComparison.Ordinal)];
    }
}

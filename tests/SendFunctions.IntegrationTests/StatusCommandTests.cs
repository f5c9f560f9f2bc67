using System.Text;
using System.Text.Json;
using SendFunctions.Cli;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary><c>sendfx status</c> on what the real host wrote: every state a return, a paper and an email can be in.</summary>
[Collection(IsolatedHostGroup.Name)]
public sealed class StatusCommandTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Period = "2037-03";
    private const string Milestones = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2037\r\n";

    [Fact]
    public async Task Status_PeriodWithEveryState_ShowsEachReturnPaperAndEmailWithoutAnAddress()
    {
        await Eventually.PastTheSecondOfAsync(await UploadAndWaitAsync("milestones.csv", Milestones)); // a later upload supersedes
        await UploadAndWaitAsync("milestones.csv", Milestones + "WS1-02,Leadership,Publish the local offer,Director,31/07/2037\r\n"); // supersedes the first
        await UploadAndWaitAsync("metrics.csv", "MetricId,Metric\r\nM1,Only two columns\r\n"); // rejected; actions: missing
        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(new ReportRequest(ReportingPeriod.Parse(Period), [ReportKind.HwbBoard]).ToJson());
        var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
        await Eventually.GetAsync(async () => (await deliveries.FindAsync<DeliveryRow>(Period, "hwb-board-v1-distribution")) is { Status: DeliveryStatus.Sent } row ? row : null, "the paper's email", seconds: 120);
        var recipients = await RecipientLedger.TableAsync(host.Tables, CancellationToken.None);
        var at = DateTimeOffset.UtcNow;
        await Eventually.GetAsync(async () => await recipients.FindAsync<RecipientRow>(Period, StorageLayout.RecipientKey("hwb-board-v1-distribution", "send.programme@example.gov.uk")), "the recipients' rows");
        await RecipientLedger.ApplyAsync(recipients, [new DeliveryEvent(Period, "hwb-board-v1-distribution", "hwb.clerk@example.gov.uk", RecipientState.Delivered, at, "ev-delivered", null)], CancellationToken.None);
        await RecipientLedger.ApplyAsync(recipients, [new DeliveryEvent(Period, "hwb-board-v1-distribution", "send.programme@example.gov.uk", RecipientState.Bounced, at, "ev-bounced", "550 5.1.1 mailbox unavailable")], CancellationToken.None);
        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        var (made, _) = await ReportStore.LatestAsync(reports, ReportingPeriod.Parse(Period), ReportKind.HwbBoard, CancellationToken.None);
        var failed = made! with { Report = ReportKind.CypeCommittee, Findings = [new PaperFinding(PaperFault.NoTitle, "docProps/core.xml", "The document has no title.")] };
        await reports.GetBlobClient(failed.Paper.ManifestName).UploadAsync(new BinaryData(failed.ToJson()));
        await reports.GetBlobClient(new PaperVersion(ReportingPeriod.Parse(Period), ReportKind.Exceptions, 1).DocumentName("exceptions.docx")).UploadAsync(new BinaryData([1, 2, 3]));

        var signedOff = new SendFunctions.Core.Calendar.SignOff(new PaperVersion(ReportingPeriod.Parse(Period), ReportKind.PartnershipBoard, 1), "Sam Taylor", at, SendFunctions.Core.Calendar.SignOffMethod.Cli);
        var partnership = made! with { Report = ReportKind.PartnershipBoard };
        await reports.GetBlobClient(partnership.Paper.ManifestName).UploadAsync(new BinaryData(partnership.ToJson()));
        await reports.GetBlobClient(SendFunctions.Core.Calendar.SignOff.BlobName(signedOff.Paper)).UploadAsync(new BinaryData(signedOff.ToJson()));

        var (code, output) = await SendfxAsync("status", "--period", Period, "--json");

        Assert.True(code == 0, output);
        var status = JsonDocument.Parse(output).RootElement;
        var returns = status.GetProperty("returns").EnumerateArray().ToDictionary(r => r.GetProperty("dataset").GetString()!);
        Assert.Equal("Accepted", returns["milestones"].GetProperty("state").GetString());
        Assert.Equal(["Superseded", "InUse"], returns["milestones"].GetProperty("uploads").EnumerateArray().Select(u => u.GetProperty("fate").GetString()));
        Assert.Equal("Rejected", returns["metrics"].GetProperty("state").GetString());
        Assert.Equal(["Rejected"], returns["metrics"].GetProperty("uploads").EnumerateArray().Select(u => u.GetProperty("fate").GetString()));
        Assert.Equal("Missing", returns["actions"].GetProperty("state").GetString());
        var papers = status.GetProperty("papers").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("versions").EnumerateArray().ToList());
        var hwb = Assert.Single(papers["hwb-board"]);
        Assert.Equal("Drafted", hwb.GetProperty("stage").GetString());
        var email = Assert.Single(hwb.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("Sent", email.GetProperty("status").GetString());
        Assert.Equal(["Bounced", "Delivered"], email.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("state").GetString()).Order());
        Assert.Equal("FailedChecks", Assert.Single(papers["cype-committee"]).GetProperty("stage").GetString());
        Assert.Equal("Incomplete", Assert.Single(papers["exceptions"]).GetProperty("stage").GetString());
        var signed = Assert.Single(papers["partnership-board"]);
        Assert.Equal("SignedOff", signed.GetProperty("stage").GetString());
        Assert.Equal("Sam Taylor", signed.GetProperty("signedOff").GetProperty("by").GetString());
        var next = status.GetProperty("next").EnumerateArray().Select(n => n.GetProperty("what").GetString()!).ToList();
        Assert.Contains(next, n => n.Contains("the metrics return (rejected)", StringComparison.Ordinal));
        Assert.Contains(next, n => n.Contains("the actions return (missing)", StringComparison.Ordinal));
        Assert.Contains(next, n => n.StartsWith("hwb-board v1: 1 recipient(s) bounced or dropped", StringComparison.Ordinal));
        Assert.Contains(next, n => n.StartsWith("cype-committee v1 failed its run-time checks", StringComparison.Ordinal));
        Assert.Contains(next, n => n.StartsWith("The monthly report cycle", StringComparison.Ordinal));
        Assert.DoesNotContain("send.programme@example.gov.uk", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hwb.clerk@example.gov.uk", output, StringComparison.Ordinal);

        var (textCode, text) = await SendfxAsync("status", "--period", Period);

        Assert.Equal(0, textCode);
        Assert.Contains("s***@example.gov.uk", text, StringComparison.Ordinal);
        Assert.Contains("Bounced", text, StringComparison.Ordinal);
        Assert.DoesNotContain("send.programme@example.gov.uk", text, StringComparison.Ordinal);
    }

    private async Task<DateTimeOffset> UploadAndWaitAsync(string file, string content)
    {
        var name = $"{Period}/{file}";
        var uploaded = (await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        var runs = host.Tables.GetTableClient(StorageLayout.RunsTable);
        await Eventually.GetAsync(async () => await runs.FindAsync<RunRow>(partition, rowKey), $"the ingest of {name}");
        return uploaded.LastModified;
    }

    private async Task<(int Code, string Output)> SendfxAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        Assert.True(error.ToString().Length == 0, error.ToString());
        return (code, output.ToString());
    }
}

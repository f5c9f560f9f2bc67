using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>The delivery ledger on a real Azurite table, sending through the real SendGrid client to the local stand-in server.</summary>
[Collection(HostTestGroup.Name)]
public sealed class DeliveryTests(HostFixture host)
{
    [Fact]
    public async Task Deliver_Twice_SendsOnceAndRecordsTheMessageId()
    {
        var key = Key();
        var first = await Delivery().DeliverAsync("2029-02", key, Message("ledger@example.gov.uk"), CancellationToken.None);
        var second = await Delivery().DeliverAsync("2029-02", key, Message("ledger@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, first.Status);
        Assert.Equal(DeliveryStatus.Skipped, second.Status);
        Assert.Single(host.SendGrid.Received, m => m.DeliveryId == $"2029-02/{key}");
        var row = await Row("2029-02", key);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal(first.MessageId, row.GetString("MessageId"));
    }

    [Fact]
    public async Task Deliver_AfterACrashBetweenSendAndLedgerWrite_DoesNotSendAgainButReportsUnconfirmed()
    {
        var key = Key();
        var table = host.Tables.GetTableClient("deliveries");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("2029-02", key) { ["Status"] = "Sending", ["ClaimedAt"] = DateTimeOffset.UtcNow.AddHours(-1) });

        var result = await Delivery().DeliverAsync("2029-02", key, Message("crash@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Unconfirmed, result.Status);
        Assert.Empty(host.SendGrid.To("crash@example.gov.uk"));
        Assert.Equal("Unconfirmed", (await Row("2029-02", key)).GetString("Status"));
    }

    [Fact]
    public async Task Deliver_WhileAnotherInstanceHoldsAFreshClaim_Skips()
    {
        var key = Key();
        var table = host.Tables.GetTableClient("deliveries");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("2029-02", key) { ["Status"] = "Sending", ["ClaimedAt"] = DateTimeOffset.UtcNow });

        var result = await Delivery().DeliverAsync("2029-02", key, Message("inflight@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Skipped, result.Status);
        Assert.Empty(host.SendGrid.To("inflight@example.gov.uk"));
    }

    [Fact]
    public async Task Deliver_TransientFailure_IsRetryPendingThenSentOnTheNextDelivery()
    {
        var key = Key();
        await Assert.ThrowsAsync<MailSendException>(() => Delivery().DeliverAsync("2029-02", key, Message("fail500@example.gov.uk"), CancellationToken.None));
        Assert.Equal("RetryPending", (await Row("2029-02", key)).GetString("Status"));

        var retried = await Delivery().DeliverAsync("2029-02", key, Message("after-retry@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, retried.Status);
        Assert.Equal(4, (await Row("2029-02", key)).GetInt32("Attempts")); // three failed attempts, then one that went
    }

    [Fact]
    public async Task ReportMailing_PaperOverTheAttachmentLimit_SendsAReadOnlyLinkThatWorks()
    {
        var reports = host.Blobs.GetBlobContainerClient("reports");
        await reports.CreateIfNotExistsAsync();
        var paper = new byte[4096];
        new Random(3).NextBytes(paper);
        await reports.GetBlobClient("2029-05/partnership-board/v1/2029-05-partnership-board.docx").UploadAsync(new BinaryData(paper), overwrite: true);
        var mailing = new SendReports(host.Blobs, host.Queues, Delivery(), host.Tables, TimeProvider.System, MsOptions.Create(new MailOptions { MaxAttachmentBytes = 1024 }), NullLogger<SendReports>.Instance);

        var result = await mailing.SendAsync(new EmailRequest(new PaperVersion(ReportingPeriod.Parse("2029-05"), ReportKind.PartnershipBoard, 1), "2029-05-partnership-board.docx", "Summary, May 2029"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var mail = host.SendGrid.To("send.partnership.board@example.gov.uk").Single(m => m.Subject.Contains("May 2029", StringComparison.Ordinal));
        Assert.Empty(mail.Attachments);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"http\S+sig=\S+").Value;
        Assert.Contains("sp=r", link, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(paper, await http.GetByteArrayAsync(new Uri(link)));
    }

    [Fact]
    public async Task Upload_RejectedDrop_EmailsTheOwnerTheErrorsWithTheValidationCsv()
    {
        var name = "2031-08/milestones.csv";
        var csv = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,A,B,C,31/02/2031\r\nWS1-02,A,B,C,\r\n";
        await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true);

        var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("send.pmo@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("milestones file for August 2031", StringComparison.Ordinal))), "the owner's rejection email");

        Assert.StartsWith("Action needed", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("two errors", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("31/02/2031", mail.Html, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("2031-08-milestones-validation.csv", attachment.FileName);
        Assert.Contains("RequiredValue", Encoding.UTF8.GetString(attachment.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AcceptedDrop_SendsTheOwnerAReceipt()
    {
        var name = "2031-09/actions.csv";
        var csv = "ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,01/09/2031,30/09/2031,Open\r\n";
        await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true);

        var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("send.board@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("actions file for September 2031", StringComparison.Ordinal))), "the owner's receipt");

        Assert.StartsWith("Received", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("one row", mail.Text, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task EmailRequest_FailingEveryTime_EndsPoisonedAndRecorded()
    {
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = JsonDocument.Parse(original.Value.Content.ToString()).RootElement.GetRawText()
            .Replace("hwb.clerk@example.gov.uk", "fail500@example.gov.uk", StringComparison.Ordinal);
        await host.UploadConfigAsync(Encoding.UTF8.GetBytes(config));
        try
        {
            var reports = host.Blobs.GetBlobContainerClient("reports");
            await reports.CreateIfNotExistsAsync();
            await reports.GetBlobClient("2029-03/hwb-board/v1/2029-03-hwb-board.docx").UploadAsync(new BinaryData([1, 2, 3]), overwrite: true);
            var queue = host.Queues.GetQueueClient(EmailRequest.QueueName);
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync(new EmailRequest(new PaperVersion(ReportingPeriod.Parse("2029-03"), ReportKind.HwbBoard, 1), "2029-03-hwb-board.docx", "SEND Improvement, March 2029").ToJson());

            var table = host.Tables.GetTableClient(StorageLayout.RunsTable);
            var poisoned = await Eventually.GetAsync(async () =>
            {
                await foreach (var run in table.QueryAsync<TableEntity>(e => e.PartitionKey == "2029-03"))
                {
                    if (run.GetString("Outcome") == "Poisoned")
                    {
                        return run;
                    }
                }

                return null;
            }, "the poisoned email request", seconds: 120);

            Assert.Equal("email-requests-poison", poisoned.GetString("Function"));
            var ledger = await Row("2029-03", "hwb-board-v1-distribution");
            Assert.Equal("RetryPending", ledger.GetString("Status"));
            Assert.Empty(host.SendGrid.To("fail500@example.gov.uk"));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    private MailDelivery Delivery() => host.Delivery(TimeProvider.System);

    private static MailMessage Message(string to) => new([to], [], [], "Paper", "<p>x</p>", "x", []);

    private static string Key() => $"test-{Guid.NewGuid():N}";

    private async Task<TableEntity> Row(string partition, string key) =>
        (await host.Tables.GetTableClient("deliveries").GetEntityAsync<TableEntity>(partition, key)).Value;
}

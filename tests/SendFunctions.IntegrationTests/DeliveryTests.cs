using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;
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
    public async Task Deliver_LapsedClaimFromAVersionWithoutStages_DoesNotSendAgainButReportsUnconfirmed()
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
    public async Task Deliver_LapsedClaimStoppedMidRequest_IsUnconfirmedNotResent()
    {
        var key = await LapsedClaimAsync(SendStage.Requesting);

        var result = await Delivery().DeliverAsync("2029-02", key, Message("midrequest@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Unconfirmed, result.Status);
        Assert.Empty(host.SendGrid.To("midrequest@example.gov.uk"));
        Assert.Equal(RunOutcome.Failed, MailRuns.OutcomeOf(result.Status)); // the run alerts
    }

    [Theory]
    [InlineData(SendStage.Claimed)]
    [InlineData(SendStage.Waiting)]
    public async Task Deliver_LapsedClaimThatSentNothing_IsTakenOverAndSentOnce(SendStage stage)
    {
        var key = await LapsedClaimAsync(stage);
        var to = $"takeover-{stage}@example.gov.uk";

        var result = await Delivery().DeliverAsync("2029-02", key, Message(to), CancellationToken.None);
        var again = await Delivery().DeliverAsync("2029-02", key, Message(to), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        Assert.Equal(DeliveryStatus.Skipped, again.Status);
        Assert.Single(host.SendGrid.To(to));
        Assert.Equal(DeliveryStatus.Sent, (await TypedRow("2029-02", key)).Status);
    }

    [Fact]
    public async Task Deliver_ServerClosesBeforeReadingTheBody_RetriesAndSendsOnce()
    {
        using var server = new LocalSendGridServer();
        server.Faults.Enqueue(SendGridFault.CloseBeforeBody);
        var key = Key();
        var message = Message("large@example.gov.uk") with { Attachments = [new MailAttachment("paper.docx", "application/octet-stream", SendGridTransportTests.LargePaper())] };

        // The retry writes 8 MB through the stand-in's small receive window: on a loaded machine that can take longer
        // than the fixture's 2 s request timeout, which would end the attempt after its whole body was sent (Unconfirmed).
        var patient = new SendFunctions.Mailing.MailOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(60), ClaimLease = TimeSpan.FromSeconds(70) };
        var result = await host.Delivery(TimeProvider.System, server, patient).DeliverAsync("2029-02", key, message, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        Assert.Single(server.Received);
        Assert.Equal(2, (await TypedRow("2029-02", key)).Attempts);
    }

    [Theory]
    [InlineData(SendGridFault.ResetAfterBody)]
    [InlineData(SendGridFault.NeverAnswer)]
    public async Task Deliver_NoAnswerAfterTheWholeRequest_IsUnconfirmedAndNeverResent(SendGridFault fault)
    {
        using var server = new LocalSendGridServer();
        server.Faults.Enqueue(fault);
        var key = Key();

        var result = await host.Delivery(TimeProvider.System, server).DeliverAsync("2029-02", key, Message("unanswered@example.gov.uk"), CancellationToken.None);
        var again = await host.Delivery(TimeProvider.System, server).DeliverAsync("2029-02", key, Message("unanswered@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Unconfirmed, result.Status);
        Assert.Equal(DeliveryStatus.Skipped, again.Status);
        Assert.Single(server.Unanswered);
        Assert.Empty(server.Received);
        var row = await TypedRow("2029-02", key);
        Assert.Equal(DeliveryStatus.Unconfirmed, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task EmailRequest_ClaimOutlivesItsMessage_EndsUnconfirmedWithOneAlertNeverSending()
    {
        var period = "2029-06";
        var reports = host.Blobs.GetBlobContainerClient("reports");
        await reports.CreateIfNotExistsAsync();
        await reports.GetBlobClient($"{period}/hwb-board/v1/{period}-hwb-board.docx").UploadAsync(new BinaryData([1, 2, 3]), overwrite: true);
        var table = host.Tables.GetTableClient("deliveries");
        await table.CreateIfNotExistsAsync();
        // What a host that died mid-request leaves: a claim whose lease still runs for a moment, and its message back on the queue.
        await table.UpsertEntityAsync(new DeliveryRow
        {
            PartitionKey = period, RowKey = "hwb-board-v1-distribution", Status = DeliveryStatus.Sending, Stage = SendStage.Requesting,
            ClaimedAt = DateTimeOffset.UtcNow, ClaimId = "dead-host", LeaseUntil = DateTimeOffset.UtcNow.AddSeconds(3),
        });
        var queue = host.Queues.GetQueueClient(EmailRequest.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(new EmailRequest(new PaperVersion(ReportingPeriod.Parse(period), ReportKind.HwbBoard, 1), $"{period}-hwb-board.docx", "SEND Improvement, June 2029").ToJson());

        var row = await Eventually.GetAsync(async () => await TypedRow(period, "hwb-board-v1-distribution") is { Status: not DeliveryStatus.Sending } settled ? settled : null, "the lapsed claim to be settled");

        Assert.Equal(DeliveryStatus.Unconfirmed, row.Status);
        Assert.DoesNotContain(host.SendGrid.Received, m => m.DeliveryId == $"{period}/hwb-board-v1-distribution");
        await Eventually.GetAsync(() => Task.FromResult(host.AlertEvents().Any(a => a.Contains(period, StringComparison.Ordinal)) ? "alerted" : null), "the alert");
        Assert.Single(host.AlertEvents(), a => a.Contains(period, StringComparison.Ordinal));
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
    public async Task Deliver_Throttled_HonoursRetryAfterThenSendsOnce()
    {
        var key = Key();
        var result = await Delivery().DeliverAsync("2029-02", key, Message("throttle+2@example.gov.uk"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var answers = host.SendGrid.Answers.Where(a => a.To == "throttle+2@example.gov.uk").ToList();
        Assert.Equal([429, 429, 202], answers.Select(a => a.Status));
        Assert.True(answers[1].At - answers[0].At >= TimeSpan.FromMilliseconds(900), $"waited only {answers[1].At - answers[0].At}");
        Assert.Equal(3, (await TypedRow("2029-02", key)).Attempts);
    }

    [Fact]
    public async Task OwnerFeedback_SendGridOutageThenRecovery_OwnerGetsExactlyOneEmailAndNoFailedRun()
    {
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var owner = $"unavailable+4@o{Guid.NewGuid():N}.example.gov.uk"; // the stand-in answers its first four requests 503
        await host.UploadConfigAsync(Encoding.UTF8.GetBytes(original.Value.Content.ToString().Replace("send.board@example.gov.uk", owner, StringComparison.Ordinal)));
        try
        {
            var csv = "ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,01/10/2031,30/10/2031,Open\r\n";
            await host.Blobs.GetBlobContainerClient("drops").GetBlobClient("2031-10/actions.csv").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true);

            var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To(owner).FirstOrDefault()), "the owner's receipt after the outage", seconds: 90);

            Assert.StartsWith("Received", mail.Subject, StringComparison.Ordinal);
            Assert.Equal(4, host.SendGrid.Answers.Count(a => a.To == owner && a.Status == 503));
            var row = await Eventually.GetAsync(async () => host.Tables.GetTableClient("deliveries").QueryAsync<DeliveryRow>(r => r.PartitionKey == "2031-10").ToBlockingEnumerable().FirstOrDefault(r => r.RowKey.StartsWith("drop-actions-", StringComparison.Ordinal) && r.Status == DeliveryStatus.Sent), "the ledger row");
            Assert.Equal(5, row.Attempts);
            var runs = host.Tables.GetTableClient(StorageLayout.RunsTable).QueryAsync<SendFunctions.Operations.RunRow>(r => r.PartitionKey == "2031-10").ToBlockingEnumerable().Where(r => r.Function == "SendOwnerEmails").ToList();
            Assert.Contains(runs, r => r.Outcome == RunOutcome.Succeeded);
            Assert.DoesNotContain(runs, r => r.Outcome is RunOutcome.Failed or RunOutcome.Poisoned);
            Assert.DoesNotContain(host.AlertEvents(), a => a.Contains("2031-10", StringComparison.Ordinal));
            Assert.Single(host.SendGrid.To(owner));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    [Fact]
    public async Task ReportMailing_PaperOverTheAttachmentLimit_SendsAReadOnlyLinkThatWorks()
    {
        var reports = host.Blobs.GetBlobContainerClient("reports");
        await reports.CreateIfNotExistsAsync();
        var paper = new byte[4096];
        new Random(3).NextBytes(paper);
        await reports.GetBlobClient("2029-05/partnership-board/v1/2029-05-partnership-board.docx").UploadAsync(new BinaryData(paper), overwrite: true);
        var mailing = new SendReports(host.Blobs, host.Queues, Delivery(), TimeProvider.System, MsOptions.Create(new MailOptions { MaxAttachmentBytes = 1024 }), NullLogger<SendReports>.Instance, London(), host.Service<SendFunctions.Recovery.InFlightWork>());

        var result = await mailing.SendAsync(new EmailRequest(new PaperVersion(ReportingPeriod.Parse("2029-05"), ReportKind.PartnershipBoard, 1), "2029-05-partnership-board.docx", "Summary, May 2029"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var mail = host.SendGrid.To("send.partnership.board@example.gov.uk").Single(m => m.Subject.Contains("May 2029", StringComparison.Ordinal));
        Assert.Empty(mail.Attachments);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"http\S+sig=\S+").Value;
        Assert.Contains("sp=r", link, StringComparison.Ordinal);
        Assert.Matches(@"the link works until \d{1,2} \w+ \d{4} \d{2}:\d{2} UK time", mail.Text);
        using var http = new HttpClient();
        Assert.Equal(paper, await http.GetByteArrayAsync(new Uri(link)));
    }

    [Fact]
    public async Task ReportMailing_ConfidentialPaperOverTheAttachmentLimit_IsAttachedNeverLinkedAndRepliesGoToTheTeam()
    {
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(original.Value.Content.ToString())!;
        config["reports"]!["exceptions"]!["confidential"] = true;
        config["programme"]!["replyTo"] = "send.team@example.gov.uk";
        await host.UploadConfigAsync(Encoding.UTF8.GetBytes(config.ToJsonString()));
        try
        {
            var reports = host.Blobs.GetBlobContainerClient("reports");
            await reports.CreateIfNotExistsAsync();
            var paper = new byte[4096];
            new Random(5).NextBytes(paper);
            await reports.GetBlobClient("2029-07/exceptions/v1/2029-07-exceptions.docx").UploadAsync(new BinaryData(paper), overwrite: true);
            var mailing = new SendReports(host.Blobs, host.Queues, Delivery(), TimeProvider.System, MsOptions.Create(new MailOptions { MaxAttachmentBytes = 1024 }), NullLogger<SendReports>.Instance, London(), host.Service<SendFunctions.Recovery.InFlightWork>());

            var result = await mailing.SendAsync(new EmailRequest(new PaperVersion(ReportingPeriod.Parse("2029-07"), ReportKind.Exceptions, 1), "2029-07-exceptions.docx", "Exceptions, July 2029"), CancellationToken.None);

            Assert.Equal(DeliveryStatus.Sent, result.Status);
            var mail = host.SendGrid.Received.Single(m => m.DeliveryId == "2029-07/exceptions-v1-distribution");
            var attachment = Assert.Single(mail.Attachments);
            Assert.Equal("SEND Executive Group - July 2029 - version 1.docx", attachment.FileName);
            Assert.Equal(paper, attachment.Content);
            Assert.DoesNotContain("sig=", mail.Text, StringComparison.Ordinal);
            using var payload = JsonDocument.Parse(mail.Json);
            Assert.Equal("send.team@example.gov.uk", payload.RootElement.GetProperty("reply_to").GetProperty("email").GetString());
            Assert.False(payload.RootElement.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
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
    public async Task Upload_OptionalReturnWithNoOwnerConfigured_IsAnsweredToTheProgrammeLead()
    {
        var name = "2031-10/updates.csv";
        var csv = await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "updates.csv"));
        await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(csv), overwrite: true);

        var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("send.programme@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("updates file for October 2031", StringComparison.Ordinal))), "the lead's answer");

        Assert.Equal(["send.programme@example.gov.uk"], mail.To);
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
            Assert.Equal("Poisoned", ledger.GetString("Status"));
            Assert.Equal(15, ledger.GetInt32("Attempts")); // three per delivery of the message, five deliveries
            Assert.Empty(host.SendGrid.To("fail500@example.gov.uk"));
            Assert.Single(host.AlertEvents(), a => a.Contains("2029-03", StringComparison.Ordinal));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    private MailDelivery Delivery() => host.Delivery(TimeProvider.System);

    private static SendFunctions.Hosting.ProgrammeClock London() => new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static MailMessage Message(string to) => new([to], [], [], "Paper", "<p>x</p>", "x", []);

    private static string Key() => $"test-{Guid.NewGuid():N}";

    private async Task<string> LapsedClaimAsync(SendStage stage)
    {
        var key = Key();
        var table = host.Tables.GetTableClient("deliveries");
        await table.CreateIfNotExistsAsync();
        var then = DateTimeOffset.UtcNow.AddMinutes(-1);
        await table.AddEntityAsync(new DeliveryRow { PartitionKey = "2029-02", RowKey = key, Status = DeliveryStatus.Sending, Stage = stage, ClaimedAt = then, ClaimId = "gone", LeaseUntil = then.AddSeconds(5), Attempts = 1 });
        return key;
    }

    private async Task<DeliveryRow> TypedRow(string partition, string key) =>
        (await host.Tables.GetTableClient("deliveries").GetEntityAsync<DeliveryRow>(partition, key)).Value;

    private async Task<TableEntity> Row(string partition, string key) =>
        (await host.Tables.GetTableClient("deliveries").GetEntityAsync<TableEntity>(partition, key)).Value;
}

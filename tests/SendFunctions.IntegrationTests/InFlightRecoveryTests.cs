using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// A request whose worker died mid-way, as a killed instance leaves it: the queue message hidden for the WebJobs SDK's
/// 10 minutes, a <c>Running</c> run row whose lease has run out, and (for a paper) a document without its manifest. The
/// running host takes it up from the run row, long before the message would come back.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class InFlightRecoveryTests(HostFixture host)
{
    /// <summary>How long the SDK's queue listener hides a message it has taken; the recovery must beat it by far.</summary>
    private static readonly TimeSpan QueueHold = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task GenerateReports_WorkerDiedMidGeneration_PaperCompletedAndEmailedOnceLongBeforeTheMessageReturns()
    {
        var period = ReportingPeriod.Parse("2038-01");
        await UploadMilestonesAsync(period);
        var reports = host.Blobs.GetBlobContainerClient(StorageLayout.Reports);
        await reports.CreateIfNotExistsAsync();
        await reports.GetBlobClient(new PaperVersion(period, ReportKind.HwbBoard, 1).DocumentName("2038-01-hwb-board.docx")).UploadAsync(new BinaryData("half-written"u8.ToArray()));
        var lockBlob = reports.GetBlobClient(PaperVersion.LockName(period, ReportKind.HwbBoard));
        await lockBlob.UploadAsync(new BinaryData([]), overwrite: true);
        await lockBlob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)); // the dead worker's paper lock, left to lapse
        var request = new ReportRequest(period, [ReportKind.HwbBoard]).ToJson();
        var held = await TakenByADeadWorkerAsync(ReportRequest.QueueName, request, period, id => RunRow.ReportsRunId(id), "GenerateReports");

        var mail = await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To("hwb.clerk@example.gov.uk").FirstOrDefault(m => m.Subject.Contains("January 2038", StringComparison.Ordinal))), "the paper's email (well before the message returns)", seconds: 300);

        var (latest, highest) = await ReportStore.LatestAsync(reports, period, ReportKind.HwbBoard, CancellationToken.None);
        Assert.Equal((1, 1), (latest!.Version, highest));
        var document = (await reports.GetBlobClient(latest.Paper.DocumentName(latest.Files[0].Name)).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(latest.Files[0].Sha256, ReportManifest.Sha256(document));
        var original = await Runs().GetEntityAsync<RunRow>(period.ToString(), RunRow.ReportsRunId(held.MessageId));
        Assert.Equal(RunOutcome.Retrying, original.Value.Outcome);
        Assert.Null(original.Value.Request);
        await host.Queues.GetQueueClient(ReportRequest.QueueName).DeleteMessageAsync(held.MessageId, held.PopReceipt); // leaves the queue as other tests expect it

        // The original message's return (ten minutes on) is the same request again: it reuses v1 and sends nothing more.
        await AskAgainAndWaitAsync(ReportRequest.QueueName, request, period, RunRow.ReportsRunId);
        await WaitForSettledRunsAsync(period, "SendReports", 2);
        Assert.Single(host.SendGrid.To("hwb.clerk@example.gov.uk"), m => m.Subject.Contains("January 2038", StringComparison.Ordinal));
        Assert.Equal(1, (await ReportStore.LatestAsync(reports, period, ReportKind.HwbBoard, CancellationToken.None)).Highest);
        Assert.Equal(mail.MessageId, host.SendGrid.To("hwb.clerk@example.gov.uk").Single(m => m.Subject.Contains("January 2038", StringComparison.Ordinal)).MessageId);
    }

    [Fact]
    public async Task SendOwnerEmails_WorkerDiedAfterClaimingTheDelivery_EmailSentOnceLongBeforeTheMessageReturns()
    {
        var period = ReportingPeriod.Parse("2038-02");
        const string owner = "recovery.owner@example.gov.uk";
        var key = "reminder-milestones-2038-02-05";
        var reminder = new MailMessage([owner], [], [], "Reminder: the milestones return for February 2038", "<p>Due soon.</p>", "Due soon.", []);
        var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
        await deliveries.CreateIfNotExistsAsync();
        var past = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        await deliveries.AddEntityAsync(new DeliveryRow
        {
            PartitionKey = period.ToString(), RowKey = key, Status = DeliveryStatus.Sending, Stage = SendStage.Claimed, Recipients = owner,
            ClaimedAt = past, ClaimId = "dead-worker-claim", LeaseUntil = past,
        });
        var request = OwnerEmailRequest.For(period, key, reminder).ToJson();

        var held = await TakenByADeadWorkerAsync(OwnerEmailRequest.QueueName, request, period, id => RunRow.MailedRunId(id, "SendOwnerEmails"), "SendOwnerEmails");

        await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.To(owner).FirstOrDefault()), "the reminder (well before the message returns)", seconds: 300);
        await Eventually.GetAsync(async () => (await deliveries.GetEntityAsync<DeliveryRow>(period.ToString(), key)).Value is { Status: DeliveryStatus.Sent } row ? row : null, "the delivery settled");
        await host.Queues.GetQueueClient(OwnerEmailRequest.QueueName).DeleteMessageAsync(held.MessageId, held.PopReceipt); // leaves the queue as other tests expect it
        await AskAgainAndWaitAsync(OwnerEmailRequest.QueueName, request, period, id => RunRow.MailedRunId(id, "SendOwnerEmails"));
        Assert.Single(host.SendGrid.To(owner));
    }

    [Fact]
    public async Task QueueAsync_ReportRequest_RecordedUnderTheRunIdItsWorkerUses_SoOneRowEndsSettled()
    {
        var period = ReportingPeriod.Parse("2038-03");
        await UploadMilestonesAsync(period);
        var queue = host.Queues.GetQueueClient(ReportRequest.QueueName);
        await queue.CreateIfNotExistsAsync();

        await host.Service<SendFunctions.Recovery.InFlightWork>().QueueAsync(queue, period.ToString(), nameof(GenerateReports), new ReportRequest(period, [ReportKind.Exceptions]).ToJson(), CancellationToken.None);

        await WaitForSettledRunsAsync(period, nameof(GenerateReports), 1);
        var rows = Runs().Query<RunRow>(r => r.PartitionKey == period.ToString() && r.Function == nameof(GenerateReports)).ToList();
        var row = Assert.Single(rows); // the queued record was replaced by the worker's own row, not left beside it to be "recovered"
        Assert.Equal(RunOutcome.Succeeded, row.Outcome);
        Assert.Null(row.Request);
    }

    /// <summary>
    /// Queues the request hidden for the SDK's 10 minutes (as a taken message is) and writes what its worker wrote before it
    /// died: its in-flight index row and the <c>Running</c> row, with a lease that has run out. Returns the message id.
    /// </summary>
    private async Task<Azure.Storage.Queues.Models.SendReceipt> TakenByADeadWorkerAsync(string queueName, string request, ReportingPeriod period, Func<string, string> runId, string function)
    {
        var queue = host.Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync(request, visibilityTimeout: QueueHold);
        var started = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(2);
        var row = RunRow.Running(period.ToString(), runId(sent.Value.MessageId), function, function, queueName, request, "dead-instance/1234/abcd", started, started + TimeSpan.FromMinutes(1));
        await SendFunctions.Recovery.InFlightIndex.PutAsync(await SendFunctions.Recovery.InFlightIndex.TableAsync(host.Tables, CancellationToken.None), row, CancellationToken.None);
        await (await RunLedger.TableAsync(host.Tables, CancellationToken.None)).UpsertEntityAsync(row, TableUpdateMode.Replace);
        return sent.Value;
    }

    private async Task AskAgainAndWaitAsync(string queueName, string request, ReportingPeriod period, Func<string, string> runId)
    {
        var sent = await host.Queues.GetQueueClient(queueName).SendMessageAsync(request);
        var run = await Eventually.GetAsync(async () => await Runs().FindAsync<RunRow>(period.ToString(), runId(sent.Value.MessageId)), "the repeated request's run", seconds: 120);
        Assert.Contains(run.Outcome, new[] { RunOutcome.Succeeded, RunOutcome.Skipped });
    }

    private async Task WaitForSettledRunsAsync(ReportingPeriod period, string function, int count) =>
        await Eventually.GetAsync(
            () => Task.FromResult(Runs().Query<RunRow>(r => r.PartitionKey == period.ToString() && r.Function == function).AsEnumerable().Count(r => r.Outcome != RunOutcome.Running) >= count ? (object)true : null),
            $"{count} {function} runs", seconds: 120);

    private TableClient Runs() => host.Tables.GetTableClient(StorageLayout.RunsTable);

    private async Task UploadMilestonesAsync(ReportingPeriod period)
    {
        var name = $"{period}/milestones.csv";
        var csv = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2038\r\n";
        var uploaded = (await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true)).Value;
        var (partition, rowKey) = RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        await Eventually.GetAsync(async () => await Runs().FindAsync<RunRow>(partition, rowKey), $"the ingest of {name}");
    }
}

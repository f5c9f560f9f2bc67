using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// An owner email's attachment waiting in <c>mail-attachments</c> (a return template, which can name people) is deleted
/// once the delivery ledger says the email is settled, and kept while a retry could still need it.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class StoredAttachmentsTests(HostFixture host)
{
    [Fact]
    public async Task SendAsync_RetryPendingThenSent_AttachmentKeptForTheRetryThenDeleted()
    {
        var owner = $"unavailable+3@o{Guid.NewGuid():N}.example.gov.uk"; // three 503s: every attempt of the first run
        var (request, blob) = await StoredReminderAsync(ReportingPeriod.Parse("2044-01"), owner);
        var mailing = Sender();

        await Assert.ThrowsAsync<MailSendException>(() => mailing.SendAsync(request, CancellationToken.None));
        Assert.Equal(DeliveryStatus.RetryPending, await host.Delivery(TimeProvider.System).StatusAsync("2044-01", request.DeliveryKey, CancellationToken.None));
        Assert.True(await blob.ExistsAsync());

        var sent = await mailing.SendAsync(request, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.False(await blob.ExistsAsync());
        Assert.Equal("template.xlsx", Assert.Single(Assert.Single(host.SendGrid.To(owner)).Attachments).FileName);
    }

    [Fact]
    public async Task SendAsync_SameRequestAfterItWasSent_SkippedNotFailedThoughTheAttachmentIsGone()
    {
        var owner = $"copy@o{Guid.NewGuid():N}.example.gov.uk";
        var (request, blob) = await StoredReminderAsync(ReportingPeriod.Parse("2044-02"), owner);
        Assert.Equal(DeliveryStatus.Sent, (await Sender().SendAsync(request, CancellationToken.None)).Status);
        Assert.False(await blob.ExistsAsync());

        var again = await Sender().SendAsync(request, CancellationToken.None); // the original message returning after its copy sent it

        Assert.Equal(DeliveryStatus.Skipped, again.Status);
        Assert.Single(host.SendGrid.To(owner));
    }

    [Fact]
    public async Task SendAsync_AttachmentMissingAndEmailNotSent_Failed()
    {
        var (request, blob) = await StoredReminderAsync(ReportingPeriod.Parse("2044-03"), $"missing@o{Guid.NewGuid():N}.example.gov.uk");
        await blob.DeleteAsync();

        var result = await Sender().SendAsync(request, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
    }

    [Theory]
    [InlineData(SendStage.Claimed, true)] // known not sent: Poisoned, and moving the message back may send it
    [InlineData(SendStage.Requesting, false)] // may have gone: Unconfirmed, never resent from the message
    public async Task OwnerEmailPoisoned_DeliveryPoisonedOrUnconfirmed_AttachmentKeptOnlyWhileItCanBeSent(SendStage stage, bool kept)
    {
        var period = ReportingPeriod.Parse(kept ? "2044-04" : "2044-05");
        var (request, blob) = await StoredReminderAsync(period, $"poisoned@o{Guid.NewGuid():N}.example.gov.uk");
        var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
        await deliveries.CreateIfNotExistsAsync();
        var past = DateTimeOffset.UtcNow.AddMinutes(-5);
        await deliveries.UpsertEntityAsync(new DeliveryRow { PartitionKey = period.ToString(), RowKey = request.DeliveryKey, Status = DeliveryStatus.Sending, Stage = stage, ClaimedAt = past, ClaimId = "gone", LeaseUntil = past });

        await new Poisoned(host.Tables, host.Blobs, TimeProvider.System, NullLogger<Poisoned>.Instance).OwnerEmail(request.ToJson(), Guid.NewGuid().ToString("N"), CancellationToken.None);

        Assert.Equal(kept ? DeliveryStatus.Poisoned : DeliveryStatus.Unconfirmed, await host.Delivery(TimeProvider.System).StatusAsync(period.ToString(), request.DeliveryKey, CancellationToken.None));
        Assert.Equal(kept, await blob.ExistsAsync());
    }

    private SendOwnerEmails Sender() => new(host.Blobs, host.Queues, host.Delivery(TimeProvider.System), TimeProvider.System, host.Service<SendFunctions.Recovery.InFlightWork>(), NullLogger<SendOwnerEmails>.Instance);

    /// <summary>A reminder too large for its message, its attachment written to <c>mail-attachments</c> as <c>OwnerMail</c> writes it before queuing (not queued here).</summary>
    private async Task<(OwnerEmailRequest Request, Azure.Storage.Blobs.BlobClient Blob)> StoredReminderAsync(ReportingPeriod period, string owner)
    {
        var template = new MailAttachment("template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", System.Security.Cryptography.RandomNumberGenerator.GetBytes(60 * 1024));
        var reminder = new MailMessage([owner], [], [], $"Reminder: the milestones return for {period}", "<p>Due soon.</p>", "Due soon.", [template]);
        var queued = OwnerEmailRequest.For(period, $"reminder-milestones-{Guid.NewGuid():N}", reminder).ByReference();
        var container = host.Blobs.GetBlobContainerClient(StorageLayout.MailAttachments);
        await container.CreateIfNotExistsAsync();
        var written = Assert.Single(queued.Blobs);
        var blob = container.GetBlobClient(written.Blob);
        await blob.UploadAsync(new BinaryData(written.Attachment.Content), overwrite: true);
        return (queued.Request, blob);
    }
}

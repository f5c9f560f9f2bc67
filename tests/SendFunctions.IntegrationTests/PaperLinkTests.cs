using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// A paper too large to attach, sent by an app that holds only a token for storage (managed identity in Azure): the link is
/// a user-delegation SAS checked by a real Azurite over HTTPS, or, when no delegation key is issued, the paper is attached.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed class PaperLinkTests(HostFixture host, EntraAzurite storage) : IClassFixture<EntraAzurite>
{
    [Fact]
    public void SigningFor_ConnectionStringClient_IsTheAccountKey()
    {
        var paper = new BlobServiceClient(host.ConnectionString).GetBlobContainerClient("reports").GetBlobClient("2029-09/hwb-board/v1/p.docx");

        Assert.Equal(LinkSigning.AccountKey, PaperLinks.SigningFor(paper));
    }

    [Fact]
    public void SigningFor_TokenCredentialClient_IsAUserDelegationKey()
    {
        var paper = new BlobServiceClient(new Uri("https://sendfx.blob.core.windows.net"), new EmulatorTokenCredential("https://storage.azure.com"))
            .GetBlobContainerClient("reports").GetBlobClient("2029-09/hwb-board/v1/p.docx");

        Assert.Equal(LinkSigning.UserDelegation, PaperLinks.SigningFor(paper));
    }

    [Theory]
    [InlineData(LinkSigning.AccountKey, 14, 14)]
    [InlineData(LinkSigning.UserDelegation, 14, 7)]
    [InlineData(LinkSigning.UserDelegation, 3, 3)]
    public void LifetimeFor_Signing_NeverPastADelegationKeysSevenDays(LinkSigning signing, int configuredDays, int expectedDays)
    {
        Assert.Equal(TimeSpan.FromDays(expectedDays), PaperLinks.LifetimeFor(signing, TimeSpan.FromDays(configuredDays)));
    }

    [Fact]
    public async Task ReportMailing_TokenCredentialPaperOverTheAttachmentLimit_SendsAUserDelegationLinkThatWorks()
    {
        var blobs = storage.WithToken();
        var paper = await UploadPaperAsync(blobs, "2029-09", 4096);

        var result = await Mailing(blobs).SendAsync(Request("2029-09"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var mail = host.SendGrid.Received.Single(m => m.DeliveryId == "2029-09/partnership-board-v1-distribution");
        Assert.Empty(mail.Attachments);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"https://\S+sig=\S+").Value;
        Assert.Contains("skoid=", link, StringComparison.Ordinal); // signed with a delegation key, not the account key
        Assert.Contains("sp=r", link, StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(link, "[?&]se=([^&]+)").Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7)); // the configured 14 days cut to a delegation key's 7
        using var browser = storage.Browser();
        Assert.Equal(paper, await browser.GetByteArrayAsync(new Uri(link)));
        var tampered = link.Replace("sp=r", "sp=rw", StringComparison.Ordinal);
        Assert.False((await browser.GetAsync(new Uri(tampered))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task ReportMailing_NoDelegationKeyIssued_AttachesThePaper()
    {
        var blobs = storage.WithoutDelegation();
        var paper = await UploadPaperAsync(blobs, "2029-10", 4096);

        var result = await Mailing(blobs).SendAsync(Request("2029-10"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var mail = host.SendGrid.Received.Single(m => m.DeliveryId == "2029-10/partnership-board-v1-distribution");
        Assert.Equal(paper, Assert.Single(mail.Attachments).Content);
        Assert.DoesNotContain("sig=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportMailing_NoDelegationKeyAndTooLargeForSendGrid_FailsSayingWhy()
    {
        var blobs = storage.WithoutDelegation();
        await UploadPaperAsync(blobs, "2029-11", (int)ReportEmail.SendGridMaxAttachmentBytes + 1);

        var result = await Mailing(blobs).SendAsync(Request("2029-11"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Contains("too large to attach", result.Detail, StringComparison.Ordinal);
        Assert.Contains("user delegation key", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(host.SendGrid.Received, m => m.DeliveryId == "2029-11/partnership-board-v1-distribution");
    }

    private SendReports Mailing(BlobServiceClient blobs) =>
        new(blobs, host.Queues, host.Delivery(TimeProvider.System), TimeProvider.System, MsOptions.Create(new MailOptions { MaxAttachmentBytes = 1024 }), NullLogger<SendReports>.Instance, London(), host.Service<SendFunctions.Recovery.InFlightWork>());

    private static EmailRequest Request(string period) =>
        new(new PaperVersion(ReportingPeriod.Parse(period), ReportKind.PartnershipBoard, 1), $"{period}-partnership-board.docx", $"Summary, {ReportingPeriod.Parse(period).ToLongName()}");

    private static async Task<byte[]> UploadPaperAsync(BlobServiceClient blobs, string period, int size)
    {
        var config = blobs.GetBlobContainerClient("config");
        await config.CreateIfNotExistsAsync();
        await config.GetBlobClient("reporting.json").UploadAsync(new BinaryData(File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json"))), overwrite: true);
        var reports = blobs.GetBlobContainerClient("reports");
        await reports.CreateIfNotExistsAsync();
        var paper = new byte[size];
        new Random(9).NextBytes(paper);
        await reports.GetBlobClient($"{period}/partnership-board/v1/{period}-partnership-board.docx").UploadAsync(new BinaryData(paper), overwrite: true);
        return paper;
    }

    private static SendFunctions.Hosting.ProgrammeClock London() => new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}

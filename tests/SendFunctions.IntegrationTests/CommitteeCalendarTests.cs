using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Cli;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// The committee calendar on a fake clock (a real clock cannot be moved to a draft day) through the real host against
/// Azurite: the Health and Wellbeing Board's paper for its 13 March 2025 meeting (draft Thursday 27 February, deadline
/// Tuesday 4 March at 10:00, covering December 2024 and January 2025), drafted, sent to its signer, reminded, approved by
/// the link and distributed once; the Children, Young People and Education Committee's approved with sendfx.
/// </summary>
[Collection(IsolatedHostGroup.Name)]
public sealed class CommitteeCalendarTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Cycle_DraftSignerReminderApprovalByLinkAndByCli_DistributesEachOnce()
    {
        await host.UploadSampleDropsAsync();
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")))!;
        config["reports"]!["hwb-board"]!["calendar"]!["meetings"] = new JsonArray("2025-01-16", "2025-03-13");
        config["reports"]!["cype-committee"]!["calendar"]!["meetings"] = new JsonArray("2025-03-04");
        config["reports"]!.AsObject().Remove("partnership-board");
        await host.UploadConfigAsync(System.Text.Encoding.UTF8.GetBytes(config.ToJsonString()), withCalendars: true);
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.Zero)); // the committee's draft day
            var calendar = Calendar(clock);

            // The committee's draft: asked for, made by the host, sent to its signer once, then approved with sendfx.
            await calendar.Run(null!, CancellationToken.None);
            var cype = await DraftAsync(ReportKind.CypeCommittee);
            Assert.Equal([ReportingPeriod.Of(2025, 1)], cype.Covers);
            await calendar.Run(null!, CancellationToken.None);
            await calendar.Run(null!, CancellationToken.None);
            Assert.Single(host.SendGrid.To("director.cfe@example.gov.uk"), m => m.Subject.StartsWith($"For sign-off: Children, Young People and Education Committee paper for January 2025 (version {cype.Version})", StringComparison.Ordinal));
            Assert.DoesNotContain(host.SendGrid.Received, m => m.Subject == CypeSubject(cype));

            var (exit, output, error) = await SendfxAsync("approve", "--period", "2025-01", "--report", "cype-committee", "--version", $"{cype.Version}", "--by", "Sam Taylor", "--yes");
            Assert.True(exit == 0, error);
            Assert.Contains("Signed off", output, StringComparison.Ordinal);
            await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Subject == CypeSubject(cype))), "the committee's distribution");
            Assert.Equal(1, (await SendfxAsync("approve", "--period", "2025-01", "--report", "cype-committee", "--version", $"{cype.Version}", "--yes")).Exit);

            // The board's draft, nine days later, covering two months; a reminder the next working day.
            clock.SetUtcNow(new DateTimeOffset(2025, 2, 27, 9, 0, 0, TimeSpan.Zero));
            await calendar.Run(null!, CancellationToken.None);
            var hwb = await DraftAsync(ReportKind.HwbBoard);
            Assert.Equal([ReportingPeriod.Of(2024, 12), ReportingPeriod.Of(2025, 1)], hwb.Covers);
            await calendar.Run(null!, CancellationToken.None);
            var draft = Assert.Single(host.SendGrid.To("director.cfe@example.gov.uk"), m => m.Subject.StartsWith("For sign-off: Health and Wellbeing Board paper for December 2024 and January 2025", StringComparison.Ordinal));
            Assert.Contains("/api/approve?token=", draft.Text, StringComparison.Ordinal);
            clock.SetUtcNow(new DateTimeOffset(2025, 2, 28, 9, 0, 0, TimeSpan.Zero));
            await calendar.Run(null!, CancellationToken.None);
            await calendar.Run(null!, CancellationToken.None);
            Assert.Single(host.SendGrid.To("director.cfe@example.gov.uk"), m => m.Subject.StartsWith("Reminder: the Health and Wellbeing Board paper", StringComparison.Ordinal));

            // The approve link: forged and expired tokens refused; the real one approves once, and the paper goes once.
            using var http = new HttpClient();
            var approve = new Uri(host.WebhookUrl, ApproveEndpoint.Route);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, approve, "forged.token")).StatusCode);
            var expired = ApprovalToken.Create(hwb.Paper, DateTimeOffset.UtcNow.AddMinutes(-1), HostFixture.SignOffKey);
            Assert.Equal(HttpStatusCode.Gone, (await PostAsync(http, approve, expired)).StatusCode);
            var expiredPage = await http.GetAsync(new Uri($"{approve}?token={Uri.EscapeDataString(expired)}"));
            Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
            Assert.Contains("has expired, so it cannot approve the paper", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("<form", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var token = ApprovalToken.Create(hwb.Paper, DateTimeOffset.UtcNow.AddHours(1), HostFixture.SignOffKey);
            var page = await http.GetAsync(new Uri($"{approve}?token={Uri.EscapeDataString(token)}"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(await SignOffStore.ReadAsync(Reports, hwb.Paper, CancellationToken.None)); // opening the link does not approve
            var approved = await PostAsync(http, approve, token);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var reused = await PostAsync(http, approve, token);
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
            Assert.Contains("already been signed off", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var approvedPage = await http.GetAsync(new Uri($"{approve}?token={Uri.EscapeDataString(token)}")); // the link opened again after approval
            Assert.Equal(HttpStatusCode.Conflict, approvedPage.StatusCode);
            Assert.Contains("already been signed off, so there is nothing left to approve", await approvedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("<form", await approvedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var signOff = (await SignOffStore.ReadAsync(Reports, hwb.Paper, CancellationToken.None))!;
            Assert.Equal(("Sam Taylor", SignOffMethod.Link), (signOff.By, signOff.How));

            var subject = $"Health and Wellbeing Board: SEND Improvement, December 2024 and January 2025 (version {hwb.Version})";
            await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Subject == subject)), "the board's distribution");
            clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
            await calendar.Run(null!, CancellationToken.None);
            await Eventually.DrainedAsync(host.Queues.GetQueueClient(ReportRequest.QueueName), host.Queues.GetQueueClient(EmailRequest.QueueName));
            Assert.Single(host.SendGrid.Received, m => m.Subject == subject);
            Assert.Single(host.SendGrid.Received, m => m.Subject == CypeSubject(cype));
            Assert.DoesNotContain(host.SendGrid.Received, m => m.Subject.StartsWith("Not signed off", StringComparison.Ordinal));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    private Azure.Storage.Blobs.BlobContainerClient Reports => host.Blobs.GetBlobContainerClient(StorageLayout.Reports);

    private static string CypeSubject(ReportManifest paper) => $"Children, Young People and Education Committee: SEND Improvement Update, January 2025 (version {paper.Version})";

    private CommitteeCalendar Calendar(FakeTimeProvider clock) => new(
        host.Blobs, host.Queues, host.Tables, host.Delivery(clock), new ProgrammeClock(clock, London),
        Options.Create(new SignOffOptions { Key = Convert.ToBase64String(HostFixture.SignOffKey), PublicUrl = host.WebhookUrl.GetLeftPart(UriPartial.Authority) }),
        NullLogger<CommitteeCalendar>.Instance, host.Service<SendFunctions.Recovery.InFlightWork>());

    private async Task<ReportManifest> DraftAsync(ReportKind kind) =>
        await Eventually.GetAsync(
            async () => (await SendFunctions.Reporting.ReportStore.LatestAsync(Reports, ReportingPeriod.Of(2025, 1), kind, CancellationToken.None)).Latest is { Covers: not null } latest && await SignOffStore.ReadAsync(Reports, latest.Paper, CancellationToken.None) is null ? latest : null,
            $"the {kind.ToSlug()} draft");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string token) =>
        http.PostAsync(url, new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]));

    private async Task<(int Exit, string Output, string Error)> SendfxAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Cli;
using SendFunctions.CommitteeCycle;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// Corrections after sign-off on a fake clock through the real host against Azurite: the Local Area SEND Partnership
/// Board's paper for 13 March 2025 (December 2024 and January 2025), redrafted after a correction before sign-off (the
/// outdated draft cannot be approved), signed off and distributed; a corrected January
/// decision log makes a revised version 2 that needs sign-off again and, with <c>reissueOnCorrection</c> true, goes to the
/// list once approved; a second correction with it false is approved and recorded, not sent; a third after the meeting
/// makes nothing, and <c>sendfx papers</c> shows it. Uses the partnership board and its own months so that the other
/// calendar tests' papers are untouched.
/// </summary>
[Collection(HostTestGroup.Name)]
public sealed partial class PaperCorrectionTests(HostFixture host)
{
    private const string Signer = "send.programme@example.gov.uk";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);

    [Fact]
    public async Task Correction_AfterSignOff_RevisedDraftSignedOffAgain_ReissuedOnlyWhenConfigured()
    {
        await host.UploadSampleDropsAsync();
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var decisions = await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "decisions.csv"));
        try
        {
            var paper = await UseCalendarAsync(reissueOnCorrection: true, "2025-01-16", "2025-03-13");
            Assert.Equal([ReportingPeriod.Of(2024, 12), January], paper.Periods);
            Assert.Equal(new DateOnly(2025, 2, 27), paper.Draft);
            var clock = new FakeTimeProvider(Local(paper.Draft, 9));
            var calendar = Calendar(clock);

            // The first draft; a correction before sign-off makes a new draft, not marked revised, and the outdated one cannot be approved.
            await calendar.Run(null!, CancellationToken.None);
            var first = await VersionAsync(v => v.Revision is null);
            await calendar.Run(null!, CancellationToken.None);
            Assert.Single(DraftsFor(first.Version));
            await CorrectAsync(decisions.Replace("Agreed the revised terms of reference", "Agreed the amended terms of reference", StringComparison.Ordinal));
            await calendar.Run(null!, CancellationToken.None);
            var v1 = await VersionAsync(v => v.Version > first.Version);
            Assert.Null(v1.Revision);
            var outdated = await SendfxAsync("approve", "--period", "2025-01", "--report", "partnership-board", "--version", $"{first.Version}", "--yes");
            Assert.Equal(1, outdated.Exit);
            Assert.Contains("not the latest version", outdated.Error, StringComparison.Ordinal);

            // The new draft goes to the signer, is approved with sendfx and distributed once.
            await calendar.Run(null!, CancellationToken.None);
            Assert.Single(DraftsFor(v1.Version));
            Assert.Equal(0, (await SendfxAsync("approve", "--period", "2025-01", "--report", "partnership-board", "--by", "Alex Morgan", "--yes")).Exit);
            await DistributedAsync(v1.Version);

            // A corrected January decision log: a revised version 2, sent to the signer, not to the list.
            await CorrectAsync(decisions.Replace("Agreed the revised terms of reference", "Agreed the updated terms of reference", StringComparison.Ordinal));
            clock.SetUtcNow(Local(paper.Draft, 15)); // corrections before the escalation day (3 March), so the lead is not told
            await calendar.Run(null!, CancellationToken.None);
            var v2 = await VersionAsync(v => v.Version > v1.Version);
            Assert.Equal(v1.Version, v2.Revision!.Replaces);
            Assert.Equal("Alex Morgan", v2.Revision.SignedOffBy);
            Assert.Contains("The January 2025 decision log was corrected", string.Join(" ", v2.Revision.Changes), StringComparison.Ordinal);
            Assert.Contains("REVISED: this version replaces version", await PaperTextAsync(v2), StringComparison.Ordinal);
            await calendar.Run(null!, CancellationToken.None);
            await calendar.Run(null!, CancellationToken.None);
            var draft = Assert.Single(DraftsFor(v2.Version));
            Assert.StartsWith("For sign-off (revised):", draft.Subject, StringComparison.Ordinal);
            Assert.Contains("It needs your sign-off again.", draft.Text, StringComparison.Ordinal);
            Assert.Equal(v2.Version, (await ReportStore.LatestAsync(Reports, January, ReportKind.PartnershipBoard, CancellationToken.None)).Latest!.Version);
            Assert.DoesNotContain(host.SendGrid.Received, m => m.DeliveryId == DeliveryId(v2.Version));

            // The old version's link cannot approve the new one; the new link does (signed as the calendar's signer), and the revision goes to the list once.
            using var http = new HttpClient();
            var approve = new Uri(host.WebhookUrl, ApproveEndpoint.Route);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(http, approve, ApprovalToken.Create(v1.Paper, DateTimeOffset.UtcNow.AddHours(1), HostFixture.SignOffKey))).StatusCode);
            var outdatedToken = ApprovalToken.Create(first.Paper, DateTimeOffset.UtcNow.AddHours(1), HostFixture.SignOffKey); // the outdated draft, never signed off
            var supersededPage = await http.GetAsync(new Uri($"{approve}?token={Uri.EscapeDataString(outdatedToken)}"));
            Assert.Equal(HttpStatusCode.Conflict, supersededPage.StatusCode);
            Assert.Contains($"made for version {first.Version} of the partnership-board paper for January 2025, which has been superseded by version {v2.Version}", await supersededPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("<form", await supersededPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(http, approve, outdatedToken)).StatusCode);
            Assert.Null(await SignOffStore.ReadAsync(Reports, first.Paper, CancellationToken.None));
            Assert.Null(await SignOffStore.ReadAsync(Reports, v2.Paper, CancellationToken.None));
            Assert.Equal((TokenCheck.Valid, (PaperVersion?)v2.Paper), ApprovalToken.Verify(TokenIn(draft.Text), HostFixture.SignOffKey, clock.GetUtcNow())); // the email's link is for version 2
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, approve, ApprovalToken.Create(v2.Paper, DateTimeOffset.UtcNow.AddHours(1), HostFixture.SignOffKey))).StatusCode); // the host's clock is real
            var reissued = await DistributedAsync(v2.Version);

            // Version 1's distribution still waiting for a retry when version 2 went in its place: settled as superseded, never sent.
            var deliveries = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
            var v1Row = (await deliveries.GetEntityAsync<SendFunctions.Mailing.DeliveryRow>("2025-01", $"partnership-board-v{v1.Version}-distribution")).Value;
            await deliveries.UpdateEntityAsync(new Azure.Data.Tables.TableEntity("2025-01", v1Row.RowKey) { ["Status"] = "RetryPending" }, v1Row.ETag, Azure.Data.Tables.TableUpdateMode.Merge);
            var waiting = new EmailRequest(v1.Paper, v1.Files[0].Name, v1.Title ?? string.Empty, v1.Highlights, v1.Attention, Covers: v1.Covers);
            await host.Queues.GetQueueClient(EmailRequest.QueueName).SendMessageAsync(waiting.ToJson());
            var superseded = await Eventually.GetAsync(
                async () => (await deliveries.GetEntityAsync<SendFunctions.Mailing.DeliveryRow>("2025-01", v1Row.RowKey)).Value is { Status: SendFunctions.Mailing.DeliveryStatus.Superseded } row ? row : null,
                "version 1's waiting distribution to be settled as superseded");
            Assert.Equal($"Not sent: version {v2.Version} of this paper was signed off and distributed in its place before this version went.", superseded.LastError);
            Assert.Contains("Superseded", (await SendfxAsync("deliveries", "--period", "2025-01")).Output, StringComparison.Ordinal);
            Assert.EndsWith($"(version {v2.Version}, revised)", reissued.Subject, StringComparison.Ordinal);
            Assert.Contains("What changed", reissued.Text, StringComparison.Ordinal);

            // With reissueOnCorrection false, a second correction's revision is approved and recorded, not sent.
            await UseCalendarAsync(reissueOnCorrection: false, "2025-01-16", "2025-03-13");
            await CorrectAsync(decisions.Replace("Agreed the revised terms of reference", "Agreed the final terms of reference", StringComparison.Ordinal));
            clock.SetUtcNow(Local(new DateOnly(2025, 2, 28), 9));
            await calendar.Run(null!, CancellationToken.None);
            var v3 = await VersionAsync(v => v.Version > v2.Version);
            Assert.Equal(v2.Version, v3.Revision!.Replaces);
            await calendar.Run(null!, CancellationToken.None);
            Assert.Single(DraftsFor(v3.Version));
            var (exit, output, error) = await SendfxAsync("approve", "--period", "2025-01", "--report", "partnership-board", "--by", "Alex Morgan", "--yes");
            Assert.True(exit == 0, error);
            Assert.Contains("not sent", output, StringComparison.Ordinal);
            Assert.Equal(AfterSignOff.NotReissued, (await SignOffStore.ReadAsync(Reports, v3.Paper, CancellationToken.None))!.Then);

            // After the meeting a correction changes nothing by itself; sendfx papers shows it and the unsent revision.
            await CorrectAsync(decisions);
            clock.SetUtcNow(Local(new DateOnly(2025, 3, 14), 9));
            await calendar.Run(null!, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(v3.Version, (await ReportStore.LatestAsync(Reports, January, ReportKind.PartnershipBoard, CancellationToken.None)).Latest!.Version);
            var papers = await SendfxAsync("papers", "--period", "2025-01", "--out", Path.Combine(Path.GetTempPath(), $"papers-{Guid.NewGuid():N}"));
            Assert.Contains($"partnership-board v{v3.Version}:", papers.Output, StringComparison.Ordinal);
            Assert.Contains("not sent to the list: an earlier version had already been distributed and reissueOnCorrection is false", papers.Output, StringComparison.Ordinal);
            Assert.Contains($"Revised: replaces version {v2.Version} signed off by SEND Improvement Programme Lead", papers.Output, StringComparison.Ordinal);
            Assert.Contains("not in this version: The January 2025 decision log was corrected", papers.Output, StringComparison.Ordinal);

            var status = await SendfxAsync("status", "--period", "2025-01");
            Assert.Contains($"v{v3.Version} SignedOff revised (replaces v{v2.Version})", status.Output, StringComparison.Ordinal);
            Assert.Contains("not sent to the list (an earlier version went; reissueOnCorrection is false)", status.Output, StringComparison.Ordinal);

            Assert.Single(host.SendGrid.Received, m => m.DeliveryId == DeliveryId(v1.Version));
            Assert.Single(host.SendGrid.Received, m => m.DeliveryId == DeliveryId(v2.Version));
            Assert.DoesNotContain(host.SendGrid.Received, m => m.DeliveryId == DeliveryId(v3.Version) || m.DeliveryId == DeliveryId(first.Version));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    [Fact]
    public async Task Request_CalendarKind_AsksForTheMonthsAndMeetingTheTimerWould()
    {
        await host.UploadSampleDropsAsync();
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        try
        {
            var paper = await UseCalendarAsync(reissueOnCorrection: false, "2024-09-12", "2025-01-16");
            Assert.True(paper.Periods.Count > 1 && paper.Period != January, "the request test's paper covers several months, under a month the correction test does not use");
            var months = string.Join(',', paper.Periods.Select(p => $"\"{p}\""));

            var (exit, output, error) = await SendfxAsync("request", "--period", paper.Period.ToString(), "--report", "partnership-board");
            Assert.True(exit == 0, error);
            Assert.Contains($"\"covers\":[{months}],\"meeting\":\"{paper.Meeting:yyyy-MM-dd}\"", output, StringComparison.Ordinal);
            var made = await Eventually.GetAsync(
                async () => (await ReportStore.LatestAsync(Reports, paper.Period, ReportKind.PartnershipBoard, CancellationToken.None)).Latest is { Covers: not null } latest ? latest : null,
                "the requested paper");
            Assert.Equal(paper.Periods, made.Covers);
            Assert.Equal(paper.Meeting, made.Meeting);

            var explicitly = await SendfxAsync("request", "--period", paper.Period.ToString(), "--report", "partnership-board", "--covers", $"{paper.Period.Previous},{paper.Period}");
            Assert.Equal(0, explicitly.Exit);
            Assert.Contains($"\"covers\":[\"{paper.Period.Previous}\",\"{paper.Period}\"]", explicitly.Output, StringComparison.Ordinal);
            Assert.Equal(2, (await SendfxAsync("request", "--period", paper.Period.ToString(), "--report", "partnership-board", "--covers", "2020-01")).Exit);
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    private Azure.Storage.Blobs.BlobContainerClient Reports => host.Blobs.GetBlobContainerClient(StorageLayout.Reports);

    private static string DeliveryId(int version) => $"2025-01/partnership-board-v{version}-distribution";

    private static DateTimeOffset Local(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), London);

    /// <summary>Only the partnership board, with these meetings; the plan the timer computes for its last meeting.</summary>
    private async Task<ScheduledPaper> UseCalendarAsync(bool reissueOnCorrection, params string[] meetings)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")))!;
        var calendar = config["reports"]!["partnership-board"]!["calendar"]!;
        calendar["meetings"] = new JsonArray([.. meetings.Select(m => (JsonNode)JsonValue.Create(m))]);
        calendar["reissueOnCorrection"] = reissueOnCorrection;
        calendar["deadlineWorkingDays"] = 7; // as the Health and Wellbeing Board's: the draft is made on Thursday 27 February 2025
        calendar["signOffWorkingDays"] = 3;
        config["reports"]!.AsObject().Remove("hwb-board");
        config["reports"]!.AsObject().Remove("cype-committee");
        var bytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        await host.UploadConfigAsync(bytes, withCalendars: true);
        var parsed = ReportingConfig.Parse(bytes).Config!;
        return PaperSchedule.For(parsed, new WorkingDays(parsed.Programme.ExtraBankHolidays)).Last(p => p.Report == ReportKind.PartnershipBoard);
    }

    private CommitteeCalendar Calendar(FakeTimeProvider clock) => new(
        host.Blobs, host.Queues, host.Tables, host.Delivery(clock), new ProgrammeClock(clock, London),
        Options.Create(new SignOffOptions { Key = Convert.ToBase64String(HostFixture.SignOffKey), PublicUrl = host.WebhookUrl.GetLeftPart(UriPartial.Authority) }),
        NullLogger<CommitteeCalendar>.Instance, host.Service<SendFunctions.Recovery.InFlightWork>());

    private async Task<ReportManifest> VersionAsync(Func<ReportManifest, bool> wanted) =>
        await Eventually.GetAsync(
            async () => (await ReportStore.LatestAsync(Reports, January, ReportKind.PartnershipBoard, CancellationToken.None)).Latest is { Covers: not null } latest
                && wanted(latest) && await SignOffStore.ReadAsync(Reports, latest.Paper, CancellationToken.None) is null ? latest : null,
            "the partnership board's draft");

    private List<ReceivedMail> DraftsFor(int version) =>
        [.. host.SendGrid.To(Signer).Where(m => m.Subject.StartsWith("For sign-off", StringComparison.Ordinal) && m.Subject.Contains($"(version {version})", StringComparison.Ordinal))];

    private async Task<ReceivedMail> DistributedAsync(int version) =>
        await Eventually.GetAsync(() => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.DeliveryId == DeliveryId(version))), $"the distribution of version {version}");

    private async Task<string> PaperTextAsync(ReportManifest manifest)
    {
        var bytes = (await Reports.GetBlobClient(manifest.DocumentBlob).DownloadContentAsync()).Value.Content.ToArray();
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static string TokenIn(string text) => Uri.UnescapeDataString(ApproveLink().Match(text).Groups[1].Value);

    [GeneratedRegex(@"/api/approve\?token=(\S+)")]
    private static partial Regex ApproveLink();

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string token) =>
        http.PostAsync(url, new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]));

    private async Task<(int Exit, string Output, string Error)> SendfxAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SendfxApp.RunAsync([.. args, "--connection", host.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A new accepted upload of January's decision log, waited for until the host has ingested it.</summary>
    private async Task CorrectAsync(string csv)
    {
        var blob = host.Blobs.GetBlobContainerClient("drops").GetBlobClient("2025-01/decisions.csv");
        await Eventually.PastTheSecondOfAsync((await blob.GetPropertiesAsync()).Value.LastModified); // Azurite keeps whole seconds: each upload gets its own
        var uploaded = (await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(csv)), overwrite: true)).Value;
        await host.WaitForIngestAsync("2025-01/decisions.csv", uploaded);
    }
}

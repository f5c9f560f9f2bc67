using SendFunctions.Core.Calendar;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Calendar;

/// <summary>
/// A correction after sign-off: the Health and Wellbeing Board's December 2024 and January 2025 paper, version 1 signed off
/// by Sam Taylor on 28 February 2025, then a corrected January metrics return uploaded on 3 March.
/// </summary>
public sealed class PaperRevisionTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ReportingPeriod December = ReportingPeriod.Of(2024, 12);
    private static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);
    private static readonly DateTimeOffset Before = new(2025, 2, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Corrected = new(2025, 3, 3, 23, 30, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<ManifestInput> Original =
    [
        Input(December, Dataset.Milestones, "m12"),
        Input(January, Dataset.Milestones, "m1"),
        Input(January, Dataset.Metrics, "x1"),
        Input(December, Dataset.Metrics, "x12"),
    ];

    [Fact]
    public void Between_SameUploads_NothingChanged() =>
        Assert.Empty(InputChange.Between(Original, [.. Original.Reverse()]));

    [Fact]
    public void Between_CorrectedReceivedAndDropped_EachByMonthAndReturn()
    {
        var now = Original.Where(i => i.Dataset != Dataset.Milestones || i.Period != December)
            .Select(i => i.Period == January && i.Dataset == Dataset.Metrics ? i with { ETag = "x1b", UploadedAt = Corrected } : i)
            .Append(Input(January, Dataset.Actions, "a1"))
            .ToList();

        var changes = InputChange.Between(Original, now);

        Assert.Equal(
            [(December, Dataset.Milestones, InputChangeKind.NoLongerUsed), (January, Dataset.Metrics, InputChangeKind.Corrected), (January, Dataset.Actions, InputChangeKind.Received)],
            changes.Select(c => (c.Period, c.Dataset, c.Kind)));
        Assert.Equal(
            [
                "The December 2024 milestone return is no longer used.",
                "The January 2025 metrics return was corrected (uploaded on 3 March 2025).",
                "The January 2025 action log was received (uploaded on 10 February 2025).",
            ],
            changes.Select(c => c.Describe(London)));
    }

    [Fact]
    public void Describe_UploadLateOnASummerEvening_GivesTheUkDay() =>
        Assert.Equal(
            "The June 2025 metrics return was corrected (uploaded on 1 July 2025).",
            new InputChange(ReportingPeriod.Of(2025, 6), Dataset.Metrics, InputChangeKind.Corrected, new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero)).Describe(London));

    [Fact]
    public void KeyOf_SameUploadsInAnyOrder_SameKey_AnotherUpload_AnotherKey()
    {
        Assert.Equal(InputChange.KeyOf(Original), InputChange.KeyOf([.. Original.Reverse()]));
        Assert.NotEqual(InputChange.KeyOf(Original), InputChange.KeyOf([.. Original.Skip(1), Original[0] with { ETag = "other" }]));
        Assert.Equal(16, InputChange.KeyOf(Original).Length);
    }

    [Fact]
    public void Of_CorrectedMetricsAndAMilestoneCompleted_SaysWhatItReplacesAndWhatMoved()
    {
        var revision = Revision(Corrections(), new StatusJson.SummaryJson(42, 31, 4, 5, 2));

        Assert.Equal(1, revision.Replaces);
        Assert.Equal("Revised: replaces version 1 signed off by Sam Taylor on 28 February 2025.", revision.Headline);
        Assert.Equal(
            ["The January 2025 metrics return was corrected (uploaded on 3 March 2025).", "Milestone counts moved: complete 31 (was 30) and on track 4 (was 5)."],
            revision.Changes);
    }

    [Fact]
    public void Of_CountsUnchangedAndSettingsChanged_SaysSo()
    {
        var revision = Revision(Corrections(), Summary, "other-config");
        Assert.Equal(
            ["The January 2025 metrics return was corrected (uploaded on 3 March 2025).", "The paper's settings in reporting.json changed.", "The milestone counts are unchanged."],
            revision.Changes);
    }

    [Theory]
    [InlineData(false, false, false, AfterSignOff.Distributed)] // a first paper: distributed
    [InlineData(true, false, false, AfterSignOff.Distributed)] // a revision, nothing went before it: distributed, once
    [InlineData(true, true, true, AfterSignOff.Distributed)] // reissued
    [InlineData(true, true, false, AfterSignOff.NotReissued)] // recorded only
    public void Decide_RevisionEarlierDistributedAndSetting_DistributesOrRecords(bool revised, bool earlierDistributed, bool reissue, AfterSignOff expected) =>
        Assert.Equal(expected, SignOff.Decide(revised ? Revision(Corrections(), Summary) : null, earlierDistributed, reissue));

    [Fact]
    public void Describe_NotReissued_SaysItWasNotSent()
    {
        var signOff = new SignOff(new PaperVersion(January, ReportKind.HwbBoard, 2), "Sam Taylor", Corrected, SignOffMethod.Cli, AfterSignOff.NotReissued);
        var roundTripped = SignOff.FromJson(signOff.ToJson());
        Assert.Equal(AfterSignOff.NotReissued, roundTripped.Then);
        Assert.EndsWith("not sent to the list: an earlier version had already been distributed and reissueOnCorrection is false", roundTripped.Describe(Corrected), StringComparison.Ordinal);
        Assert.Equal(AfterSignOff.Distributed, SignOff.FromJson("""{"paper":{"period":"2025-01","kind":"hwb-board","version":1},"by":"Sam Taylor","at":"2025-02-28T09:00:00+00:00","how":"Link"}"""u8).Then);
    }

    [Theory]
    [InlineData(ReportKind.HwbBoard)]
    [InlineData(ReportKind.PartnershipBoard)]
    public void Render_Revision_FrontPageSaysRevisedAndWhatChanged(ReportKind kind)
    {
        var status = SampleStatus.For("2025-01");
        using var revised = Paper.Render(kind, status, revision: Revision(Corrections(), Summary));
        using var original = Paper.Render(kind, status);

        Assert.Equal(
            "REVISED: this version replaces version 1 signed off by Sam Taylor on 28 February 2025. What changed: The January 2025 metrics return was corrected (uploaded on 3 March 2025). The milestone counts are unchanged.",
            revised.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).First(t => t.StartsWith("REVISED", StringComparison.Ordinal)));
        Assert.DoesNotContain("REVISED", original.Text, StringComparison.Ordinal);
        Assert.Empty(revised.ValidationErrors());
    }

    [Fact]
    public void Emails_Revision_DraftAndDistributionSayRevisedAndWhatChanged()
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var revision = Revision(Corrections(), Summary);
        var paper = PaperSchedule.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), new WorkingDays())[1];
        var draft = SignOffEmail.Draft(paper, settings, PaperScheduleTests.Signer, 2, "https://reporting.example.gov.uk/api/approve?token=t2", new MailAttachment("d.docx", "application/octet-stream", [1]), revision);

        Assert.StartsWith("For sign-off (revised): Health and Wellbeing Board paper for December 2024 and January 2025 (version 2)", draft.Subject, StringComparison.Ordinal);
        Assert.Contains("Revised: replaces version 1 signed off by Sam Taylor on 28 February 2025. It needs your sign-off again. What changed: The January 2025 metrics return was corrected", draft.Text, StringComparison.Ordinal);
        Assert.Contains("token=t2", draft.Text, StringComparison.Ordinal);

        var request = new EmailRequest(new PaperVersion(January, ReportKind.HwbBoard, 2), "2025-01-hwb-board.docx", "SEND Improvement, December 2024 and January 2025", Covers: [December, January], Revision: revision);
        var mail = ReportEmail.Compose(EmailRequest.FromJson(request.ToJson())!, settings, null, new MailAttachment("a.docx", "application/octet-stream", [1]), null);
        Assert.Equal("Health and Wellbeing Board: SEND Improvement, December 2024 and January 2025 (version 2, revised)", mail.Subject);
        Assert.Contains("This is a revised version. Revised: replaces version 1 signed off by Sam Taylor on 28 February 2025.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("What changed\n- The January 2025 metrics return was corrected (uploaded on 3 March 2025).", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("revised", ReportEmail.Compose(request with { Revision = null }, settings, null, null, null).Subject, StringComparison.Ordinal);
    }

    private static readonly StatusJson.SummaryJson Summary = new(42, 30, 5, 5, 2);

    private static IReadOnlyList<ManifestInput> Corrections() =>
        [.. Original.Select(i => i.Period == January && i.Dataset == Dataset.Metrics ? i with { ETag = "x1b", UploadedAt = Corrected } : i)];

    private static PaperRevision Revision(IReadOnlyList<ManifestInput> now, StatusJson.SummaryJson summary, string config = "config")
    {
        var signed = new ReportManifest(January, ReportKind.HwbBoard, 1, "f", Before, Original, "config", Summary, [new ManifestFile("a.docx", 1, "s")], Covers: [December, January], Meeting: new DateOnly(2025, 3, 13));
        var signOff = new SignOff(signed.Paper, "Sam Taylor", new DateTimeOffset(2025, 2, 28, 14, 5, 0, TimeSpan.Zero), SignOffMethod.Link);
        return PaperRevision.Of(signed, signOff, now, summary, config, London);
    }

    private static ManifestInput Input(ReportingPeriod period, Dataset dataset, string etag) =>
        new(period, dataset, $"{period}/{dataset.ToSlug()}/a", etag, Before, 10);
}

using System.Text.Json;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Calendar;

/// <summary>
/// The Health and Wellbeing Board meeting of 13 March 2025 reads one paper for December 2024 and January 2025: January's
/// tracker, movement since November (the month its previous paper covered).
/// </summary>
public sealed class MultiMonthPaperTests
{
    private static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);
    private static readonly PaperCover TwoMonths = new([ReportingPeriod.Of(2024, 12), January], new DateOnly(2025, 3, 13));

    [Theory]
    [InlineData("2025-01", "January 2025")]
    [InlineData("2024-11 2024-12", "November and December 2024")]
    [InlineData("2024-12 2025-01", "December 2024 and January 2025")]
    [InlineData("2025-02 2025-03 2025-04", "February, March and April 2025")]
    public void Describe_Months_AsAClerkWritesThem(string months, string expected) =>
        Assert.Equal(expected, CoveredMonths.Describe([.. months.Split(' ').Select(ReportingPeriod.Parse)]));

    [Fact]
    public void PaperCover_MonthsNotConsecutive_Throws() =>
        Assert.Throws<ArgumentException>(() => new PaperCover([ReportingPeriod.Of(2024, 11), January]));

    [Fact]
    public void Render_TwoMonths_SaysWhichMonthsAndMeasuresMovementFromThePreviousPapersMonth()
    {
        var status = StatusSince("2024-11");
        using var paper = Paper.Render(ReportKind.HwbBoard, status, cover: TwoMonths);

        Assert.Contains("This report covers December 2024 and January 2025: it gives the position at 31 January 2025 and the movement since November 2024, the last month reported to the Health and Wellbeing Board.", paper.Text, StringComparison.Ordinal);
        Assert.Equal("SEND Improvement, December 2024 and January 2025", ReportRenderer.Render(ReportKind.HwbBoard, status, SampleStatus.Config, cover: TwoMonths)!.Title);
        Assert.Contains("Thursday, 13 March 2025", paper.Text, StringComparison.Ordinal);
        Assert.Contains("movement since November 2024", paper.Text, StringComparison.Ordinal);
        Assert.Contains("Movement since November 2024 is measured against the November 2024 milestone return.", paper.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("since last month", paper.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reported last month", paper.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(paper.ValidationErrors());
    }

    [Fact]
    public void Status_ComparedWithAnEarlierMonth_MovementIsFromThatMonth()
    {
        var since = StatusSince("2024-11");
        var monthly = SampleStatus.For("2025-01");
        Assert.Equal(ReportingPeriod.Of(2024, 11), since.ComparedWith);
        Assert.Null(monthly.ComparedWith);
        Assert.StartsWith("Since November 2024", Narrative.Movements(since), StringComparison.Ordinal);
        Assert.StartsWith("Since last month", Narrative.Movements(monthly), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportKind.HwbBoard)]
    [InlineData(ReportKind.CypeCommittee)]
    [InlineData(ReportKind.PartnershipBoard)]
    [InlineData(ReportKind.Exceptions)]
    public void Render_OneMonthCover_IsByteIdenticalToTheMonthsPaper(ReportKind kind)
    {
        var status = SampleStatus.For("2025-01");
        var plain = ReportRenderer.Render(kind, status, SampleStatus.Config)!.Content;
        var covered = ReportRenderer.Render(kind, StatusSince("2024-12"), SampleStatus.Config, cover: new PaperCover([January]))!.Content;
        Assert.Equal(plain, covered);
    }

    [Fact]
    public void ReportRequest_WithCover_RoundTripsAndWithoutIsUnchanged()
    {
        var request = new ReportRequest(January, [ReportKind.HwbBoard], TwoMonths);
        Assert.Equal("""{"period":"2025-01","reports":["hwb-board"],"covers":["2024-12","2025-01"],"meeting":"2025-03-13"}""", request.ToJson());
        var (parsed, error) = ReportRequest.Parse(request.ToJson());
        Assert.Null(error);
        Assert.Equal(TwoMonths.Months, parsed!.Cover!.Months);
        Assert.Equal(TwoMonths.Meeting, parsed.Cover.Meeting);
        Assert.Equal("""{"period":"2025-01","reports":["hwb-board"]}""", new ReportRequest(January, [ReportKind.HwbBoard]).ToJson());
    }

    [Theory]
    [InlineData("""{"period":"2025-01","covers":["2024-11","2025-01"]}""")]
    [InlineData("""{"period":"2025-01","covers":["2024-12"]}""")]
    [InlineData("""{"period":"2025-01","covers":["December"]}""")]
    public void ReportRequest_BadCover_IsAnError(string json) => Assert.NotNull(ReportRequest.Parse(json).Error);

    [Fact]
    public void Email_TwoMonths_ListsThemInTheTextAndTheAttachmentName()
    {
        var request = new EmailRequest(new PaperVersion(January, ReportKind.HwbBoard, 1), "2025-01-hwb-board.docx", "SEND Improvement, December 2024 and January 2025", Covers: TwoMonths.Months);
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var mail = ReportEmail.Compose(EmailRequest.FromJson(request.ToJson())!, settings, null, new MailAttachment("2025-01-hwb-board.docx", "application/octet-stream", [1]), null);

        Assert.Contains("Please find the Health and Wellbeing Board paper for December 2024 and January 2025, version 1", mail.Text, StringComparison.Ordinal);
        Assert.Equal("Health and Wellbeing Board - December 2024 and January 2025 - version 1.docx", mail.Attachments[0].FileName);
    }

    [Fact]
    public void Manifest_Covers_AreWrittenOnlyWhenThereAreSome()
    {
        var manifest = new ReportManifest(January, ReportKind.HwbBoard, 1, "f", DateTimeOffset.UnixEpoch, [], "c", StatusJson.From(SampleStatus.For("2025-01")).Summary, [new ManifestFile("a.docx", 1, "s")]);
        Assert.DoesNotContain("covers", JsonSerializer.Serialize(manifest, Json.Options), StringComparison.Ordinal);
        var covered = ReportManifest.FromJson((manifest with { Covers = TwoMonths.Months, Meeting = TwoMonths.Meeting }).ToJson());
        Assert.Equal(TwoMonths.Months, covered.Covers);
        Assert.NotEqual(ReportManifest.FingerprintOf(ReportKind.HwbBoard, [], "c"), ReportManifest.FingerprintOf(ReportKind.HwbBoard, [], "c", TwoMonths));
    }

    private static PeriodStatus StatusSince(string comparedWith) =>
        StatusEngine.Compute(AcceptedData.InputsFor(January, SampleStatus.Config.Programme.Deadline, SampleStatus.Config.Programme.MetricTolerancePercent, SampleStatus.Accepted, MissingReturnDisplay.Nothing, ReportingPeriod.Parse(comparedWith))!);
}

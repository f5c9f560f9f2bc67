using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Calendar;

/// <summary>
/// <c>sendfx request</c> makes the paper the cycle would: the Health and Wellbeing Board (meetings 16 January and 13 March
/// 2025) files its March paper, covering December 2024 and January 2025, under January.
/// </summary>
public sealed class PaperRequestsTests
{
    private static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);
    private static readonly ReportingPeriod December = ReportingPeriod.Of(2024, 12);

    [Fact]
    public void For_CalendarKind_CoversTheMonthsAndMeetingTheTimerAsksFor()
    {
        var config = PaperScheduleTests.With("2025-01-16", "2025-03-13");
        var (requests, problem) = PaperRequests.For(config, January, [ReportKind.HwbBoard]);

        Assert.Null(problem);
        var request = Assert.Single(requests);
        Assert.Equal([December, January], request.Cover!.Months);
        Assert.Equal(new DateOnly(2025, 3, 13), request.Cover.Meeting);
        var timer = PaperSchedule.For(config, new SendFunctions.Core.Reminders.WorkingDays()).Single(p => p.Period == January);
        Assert.Equal(timer.Periods, request.Cover.Months);
    }

    [Fact]
    public void For_AllKinds_CalendarKindAloneWithItsCover_OthersTogetherWithout()
    {
        var (requests, problem) = PaperRequests.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), January, []);

        Assert.Null(problem);
        Assert.Equal(2, requests.Count);
        Assert.Equal([ReportKind.HwbBoard], requests[0].Reports);
        Assert.NotNull(requests[0].Cover);
        Assert.DoesNotContain(ReportKind.HwbBoard, requests[1].Reports);
        Assert.NotEmpty(requests[1].Reports);
        Assert.Null(requests[1].Cover);
    }

    [Fact]
    public void For_ExplicitCovers_OverrideTheCalendarAndFindTheirMeeting()
    {
        var (requests, problem) = PaperRequests.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), January, [ReportKind.HwbBoard], [January]);
        Assert.Null(problem);
        Assert.Equal([January], requests[0].Cover!.Months);
        Assert.Null(requests[0].Cover!.Meeting); // no meeting's paper covers January alone

        var (matching, _) = PaperRequests.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), January, [ReportKind.HwbBoard], [December, January]);
        Assert.Equal(new DateOnly(2025, 3, 13), matching[0].Cover!.Meeting);
    }

    [Theory]
    [InlineData("2024-11 2025-01")] // not consecutive
    [InlineData("2024-11 2024-12")] // does not end with the period
    public void For_BadCovers_IsAProblem(string covers) =>
        Assert.NotNull(PaperRequests.For(PaperScheduleTests.With("2025-03-13"), January, [ReportKind.HwbBoard], [.. covers.Split(' ').Select(ReportingPeriod.Parse)]).Problem);

    [Fact]
    public void For_NoPaperFiledUnderThePeriod_IsAProblemNamingSendfxSchedule()
    {
        var (requests, problem) = PaperRequests.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), ReportingPeriod.Of(2024, 6), [ReportKind.HwbBoard]);
        Assert.Empty(requests);
        Assert.Contains("sendfx schedule", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoCalendar_OneRequestAsAsked()
    {
        var (requests, problem) = PaperRequests.For(SampleStatus.Config with { Reports = SampleStatus.Config.Reports!.ToDictionary(r => r.Key, r => r.Value with { Calendar = null }) }, January, []);
        Assert.Null(problem);
        Assert.Equal("""{"period":"2025-01","reports":[]}""", Assert.Single(requests).ToJson());
        Assert.Equal("""{"period":"2025-01","reports":[]}""", Assert.Single(PaperRequests.For(null, January, []).Requests).ToJson());
    }
}

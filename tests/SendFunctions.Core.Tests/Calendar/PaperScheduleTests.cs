using System.Text;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Milestones.MilestoneRulesTests;

namespace SendFunctions.Core.Tests.Calendar;

/// <summary>
/// The sample datasets: actions due on the 3rd working day of the next month, milestones and metrics on the 5th. Defaults:
/// the paper is needed 7 working days before the meeting at 10:00, its draft 3 working days before that.
/// </summary>
public sealed class PaperScheduleTests
{
    private static readonly WorkingDays Days = new();

    [Theory]
    [InlineData("2025-03-13", "2025-03-04", "2025-02-27")] // an ordinary Thursday meeting
    [InlineData("2025-04-24", "2025-04-11", "2025-04-08")] // Easter: Good Friday 18 and Easter Monday 21 April skipped
    [InlineData("2025-04-28", "2025-04-15", "2025-04-10")] // a Monday meeting the week after Easter Monday
    [InlineData("2025-05-27", "2025-05-15", "2025-05-12")] // the day after the spring bank holiday: 26 May not counted
    [InlineData("2025-09-01", "2025-08-20", "2025-08-15")] // the Monday after the summer bank holiday week: 25 August not counted
    [InlineData("2026-01-08", "2025-12-29", "2025-12-22")] // over Christmas, Boxing Day and New Year's Day
    [InlineData("2022-01-06", "2021-12-23", "2021-12-20")] // substitute days: 27 and 28 December 2021 and 3 January 2022
    public void For_Meeting_DeadlineAndDraftCountOnlyWorkingDays(string meeting, string deadline, string draft)
    {
        var paper = Assert.Single(PaperSchedule.For(With(meeting), Days));
        Assert.Equal(Date(meeting), paper.Meeting);
        Assert.Equal(Date(deadline), paper.Deadline);
        Assert.Equal(Date(draft), paper.Draft);
        Assert.Equal(new TimeOnly(10, 0), paper.DeadlineTime);
    }

    [Fact]
    public void For_ConfiguredLeadTimes_AreUsed()
    {
        var config = With(new CalendarSettings(["2025-03-13"], DeadlineWorkingDays: 5, DeadlineTime: "12:30", SignOffWorkingDays: 1, SignOff: Signer));
        var paper = Assert.Single(PaperSchedule.For(config, Days));
        Assert.Equal(new DateTime(2025, 3, 6, 12, 30, 0, DateTimeKind.Unspecified), paper.DeadlineLocal);
        Assert.Equal(Date("2025-03-05"), paper.Draft);
    }

    [Fact]
    public void For_BoardMeetingEveryTwoMonths_CoversBothMonthsSinceItsLastPaper()
    {
        var papers = PaperSchedule.For(With("2025-01-16", "2025-03-13", "2025-05-15"), Days);

        // 16 Jan: draft 2 Jan, December's returns not due until 6 and 8 January, so November only.
        Assert.Equal(["2024-11"], Periods(papers[0]));
        Assert.Equal(["2024-12", "2025-01"], Periods(papers[1]));
        Assert.Equal(ReportingPeriod.Of(2025, 1), papers[1].Period);
        Assert.Equal(["2025-02", "2025-03"], Periods(papers[2]));
    }

    [Fact]
    public void For_ReturnDueOnTheDraftDay_IsNotYetCounted()
    {
        // Draft on Wed 8 Jan 2025, the day December's milestones and metrics are due: December is not covered yet.
        var config = With(new CalendarSettings(["2025-01-13"], DeadlineWorkingDays: 1, SignOffWorkingDays: 2, SignOff: Signer));
        var paper = Assert.Single(PaperSchedule.For(config, Days));
        Assert.Equal(Date("2025-01-08"), paper.Draft);
        Assert.Equal(["2024-11"], Periods(paper));
    }

    [Fact]
    public void For_MeetingMovedInConfiguration_MovesItsDatesAndTheNextPapersMonths()
    {
        var before = PaperSchedule.For(With("2025-01-16", "2025-03-13", "2025-05-15"), Days);
        var after = PaperSchedule.For(With("2025-01-16", "2025-02-13", "2025-05-15"), Days); // March meeting brought forward

        Assert.Equal(Date("2025-02-04"), after[1].Deadline);
        Assert.Equal(["2024-12"], Periods(after[1])); // January's returns are due 5 and 7 Feb, after the 30 Jan draft
        Assert.Equal(["2025-01", "2025-02", "2025-03"], Periods(after[2]));
        Assert.Equal(["2025-02", "2025-03"], Periods(before[2]));
    }

    [Fact]
    public void For_MeetingsInAnyOrder_AreScheduledInDateOrder()
    {
        var papers = PaperSchedule.For(With("2025-03-13", "2025-01-16"), Days);
        Assert.Equal([Date("2025-01-16"), Date("2025-03-13")], papers.Select(p => p.Meeting));
    }

    [Fact]
    public void For_MeetingsCloseTogether_SecondPaperRepeatsTheLatestMonth()
    {
        var papers = PaperSchedule.For(With("2025-03-13", "2025-03-20"), Days);
        Assert.Equal(["2025-01"], Periods(papers[1]));
    }

    [Fact]
    public void For_AfterTheProgrammeEnds_OnlyOneFinalPaperCoveringNoMonthAfterTheEnd()
    {
        var config = With("2025-09-11", "2025-11-13", "2026-01-15", "2026-03-12");
        config = config with { Programme = config.Programme with { EndDate = Date("2025-10-31") } };

        var papers = PaperSchedule.For(config, Days);

        Assert.Equal([Date("2025-09-11"), Date("2025-11-13")], papers.Select(p => p.Meeting));
        Assert.False(papers[0].Final);
        Assert.True(papers[1].Final);
        Assert.Equal(["2025-08", "2025-09"], Periods(papers[1])); // October's returns are not due before the 30 Oct draft
    }

    [Fact]
    public void For_KindsWithoutACalendar_HaveNoPapers() =>
        Assert.Empty(PaperSchedule.For(SampleStatus.Config with { Reports = SampleStatus.Config.Reports!.ToDictionary(r => r.Key, r => r.Value with { Calendar = null }) }, Days));

    [Fact]
    public void Parse_CalendarKeysAsTheIssueNamesThem_AreRead()
    {
        var calendar = Assert.Single(ReportCalendar.Resolve(Parse("""
            "calendar": { "meetings": ["2025-03-13", "2025-01-16"], "deadlineWorkingDays": 6, "deadlineTime": "09:30", "signOffWorkingDays": 2, "signOff": { "name": "Sam Taylor", "email": "sam.taylor@example.gov.uk" } }
            """, endDate: "2025-10-31").Config!).Calendars);

        Assert.Equal(ReportKind.HwbBoard, calendar.Kind);
        Assert.Equal([Date("2025-01-16"), Date("2025-03-13")], calendar.Meetings);
        Assert.Equal((6, new TimeOnly(9, 30), 2), (calendar.DeadlineWorkingDays, calendar.DeadlineTime, calendar.SignOffWorkingDays));
        Assert.Equal("sam.taylor@example.gov.uk", calendar.Signer.Email);
    }

    [Fact]
    public void Parse_CalendarOmitsLeadTimes_UsesTheDefaults()
    {
        var calendar = Assert.Single(ReportCalendar.Resolve(Parse("""
            "calendar": { "meetings": ["2025-03-13"], "signOff": { "name": "Sam Taylor", "email": "sam.taylor@example.gov.uk" } }
            """).Config!).Calendars);
        Assert.Equal((7, new TimeOnly(10, 0), 3), (calendar.DeadlineWorkingDays, calendar.DeadlineTime, calendar.SignOffWorkingDays));
    }

    [Theory]
    [InlineData("""{ "meetings": ["2025-02-30", "13/03/2025"], "signOff": { "name": "S", "email": "s@example.gov.uk" } }""", "reports.hwb-board.calendar.meetings: '2025-02-30' is not a date written yyyy-MM-dd.|reports.hwb-board.calendar.meetings: '13/03/2025' is not a date written yyyy-MM-dd.")]
    [InlineData("""{ "meetings": ["2025-03-13"], "deadlineTime": "10am", "signOff": { "name": "S", "email": "s@example.gov.uk" } }""", "reports.hwb-board.calendar.deadlineTime: '10am' is not a time of day written HH:mm (such as 10:00).")]
    [InlineData("""{ "meetings": ["2025-03-13"], "signOff": { "name": "S" } }""", "reports.hwb-board.calendar.signOff.email is required: who signs the paper off before it is distributed.")]
    [InlineData("""{ "meetings": ["2025-03-13"] }""", "reports.hwb-board.calendar.signOff.email is required: who signs the paper off before it is distributed.")]
    [InlineData("""{ "meetings": [], "signOff": { "name": "S", "email": "s@example.gov.uk" } }""", "reports.hwb-board.calendar.meetings needs at least one meeting date.")]
    [InlineData("""{ "meetings": ["2025-03-13", "2025-03-13"], "signOffWorkingDays": -1, "signOff": { "name": "S", "email": "s@example.gov.uk" } }""", "reports.hwb-board.calendar.meetings: 2025-03-13 is listed twice.|reports.hwb-board.calendar.signOffWorkingDays cannot be negative.")]
    public void Parse_BadCalendar_JoinsTheLoadTimeProblems(string calendar, string expected)
    {
        var result = Parse($"\"calendar\": {calendar}");
        Assert.Null(result.Config);
        Assert.Equal(expected.Split('|'), result.Problems);
    }

    [Fact]
    public void Parse_LegacyMeetingDatesWithoutACalendar_StillReads()
    {
        var result = Parse("""
            "meetingDates": { "2025-01": "2025-03-13" }
            """);
        Assert.Empty(result.Problems);
        Assert.Empty(ReportCalendar.Resolve(result.Config!).Calendars);
        Assert.Equal(Date("2025-03-13"), result.Config!.ReportFor("hwb-board")!.MeetingDates!["2025-01"]);
    }

    internal static readonly Person Signer = new("Sam Taylor", "sam.taylor@example.gov.uk");

    internal static ReportingConfig With(params string[] meetings) => With(new CalendarSettings(meetings, SignOff: Signer));

    internal static ReportingConfig With(CalendarSettings calendar)
    {
        var config = SampleStatus.Config;
        var reports = config.Reports!.ToDictionary(r => r.Key, r => r.Value with { Calendar = r.Key == "hwb-board" ? calendar : null });
        return config with { Reports = reports };
    }

    private static string[] Periods(ScheduledPaper paper) => [.. paper.Periods.Select(p => p.ToString())];

    private static ConfigResult Parse(string hwbExtra, string? endDate = null)
    {
        var end = endDate is null ? string.Empty : $", \"endDate\": \"{endDate}\"";
        var json = $$"""
            {
              "programme": { "name": "P", "localArea": "Wirral", "deadline": "2025-10-31", "lead": { "name": "Lead", "email": "lead@example.gov.uk" }{{end}} },
              "datasets": {},
              "reports": { "hwb-board": { "board": "Health and Wellbeing Board", "title": "SEND", "distribution": { "to": ["clerk@example.gov.uk"] }, {{hwbExtra}} } }
            }
            """;
        return ReportingConfig.Parse(Encoding.UTF8.GetBytes(json));
    }
}

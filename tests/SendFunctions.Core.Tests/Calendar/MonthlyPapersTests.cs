using SendFunctions.Core.Calendar;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Calendar;

public sealed class MonthlyPapersTests
{
    [Fact]
    public void For_SampleConfiguration_AsksOnlyForTheKindWithoutACalendar() =>
        Assert.Equal([ReportKind.Exceptions], MonthlyPapers.For(SampleStatus.Config, ReportingPeriod.Of(2025, 1)));

    [Fact]
    public void For_NoCalendars_AsksForEveryPaperAsBefore() =>
        Assert.Equal([], MonthlyPapers.For(SampleStatus.Config with { Reports = SampleStatus.Config.Reports!.ToDictionary(r => r.Key, r => r.Value with { Calendar = null }) }, ReportingPeriod.Of(2025, 1))!);

    [Fact]
    public void For_MonthAfterTheProgrammeEnded_AsksForNothing() =>
        Assert.Null(MonthlyPapers.For(SampleStatus.Config, ReportingPeriod.Of(2026, 10))); // the sample programme ends on 31 October 2025

    [Fact]
    public void ReminderPlan_AfterTheProgrammeEnds_RemindsNobody()
    {
        var day = new DateOnly(2025, 11, 5); // October 2025's returns are being reminded; the programme ended on 31 October
        var noEnd = SampleStatus.Config with { Programme = SampleStatus.Config.Programme with { EndDate = null, Deadline = new DateOnly(2026, 12, 31) } };
        Assert.NotEmpty(ReminderPlan.For(day, noEnd, _ => new HashSet<Dataset>(), new WorkingDays()));
        Assert.Empty(ReminderPlan.For(day, noEnd with { Programme = noEnd.Programme with { EndDate = new DateOnly(2025, 10, 31) } }, _ => new HashSet<Dataset>(), new WorkingDays()));
    }
}

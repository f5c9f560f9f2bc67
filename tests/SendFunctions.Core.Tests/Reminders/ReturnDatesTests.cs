using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Milestones.MilestoneRulesTests;

namespace SendFunctions.Core.Tests.Reminders;

/// <summary>The sample configuration, December 2024: actions due Mon 6 Jan 2025, reminders from Tue 31 Dec (ReminderPlanTests).</summary>
public sealed class ReturnDatesTests
{
    private static readonly WorkingDays Calendar = new();

    private static ReturnDates Actions() =>
        ReturnDates.For(ReportingPeriod.Of(2024, 12), Dataset.Actions, SampleStatus.Config.DatasetFor(Dataset.Actions)!, SampleStatus.Config.Programme, Calendar);

    [Fact]
    public void For_SampleActions_DueOnTheThirdWorkingDayWithRemindersFromThreeBefore()
    {
        var schedule = Actions();

        Assert.Equal(Date("2024-12-31"), schedule.RemindFrom);
        Assert.Equal(Date("2025-01-06"), schedule.Due);
        Assert.Equal(Date("2025-01-07"), schedule.EscalateFrom);
        Assert.Equal(Date("2025-01-31"), schedule.EscalateUntil);
    }

    [Theory]
    [InlineData("2024-12-02", "Reminder 2024-12-31")] // long before: the first reminder day
    [InlineData("2025-01-01", "Reminder 2025-01-02")] // bank holiday: the next working day
    [InlineData("2025-01-06", "Reminder 2025-01-06")] // due today
    [InlineData("2025-01-07", "Escalation 2025-01-07")]
    [InlineData("2025-01-11", "Escalation 2025-01-13")] // Saturday
    [InlineData("2025-02-01", "")] // the month it was due in is over: nothing more is sent
    public void NextFrom_Day_IsTheDayReminderPlanActsNext(string today, string expected)
    {
        var next = Actions().NextFrom(Date(today), Calendar);

        Assert.Equal(expected, next is { } n ? $"{n.Kind} {n.On:yyyy-MM-dd}" : string.Empty);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2025-01-07")]
    [InlineData("2025-01-13")]
    public void NextFrom_WorkingDayInTheWindow_AgreesWithReminderPlan(string today)
    {
        var next = Actions().NextFrom(Date(today), Calendar);
        var planned = ReminderPlan.For(Date(today), SampleStatus.Config, _ => new HashSet<Dataset>(), Calendar)
            .Single(r => r.Period == ReportingPeriod.Of(2024, 12) && r.Datasets.Contains(Dataset.Actions));

        Assert.Equal(new NextReminder(planned.Kind, Date(today)), next);
    }
}

using System.Globalization;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Tests.Milestones;

/// <summary>DATA-CONTRACT.md section 4, case by case; every expected value computed by hand.</summary>
public sealed class MilestoneRulesTests
{
    private static readonly DateOnly Deadline = new(2025, 10, 31);

    [Theory]
    // asOf,       due,          revised,      completed,    status,        risk,  expected,  delay, forecast, onTime
    [InlineData("2025-01-31", "2025-01-15", null, "2025-01-15", "Complete", false, MilestoneStatus.Complete, 0, null, true)] // completed on the due day
    [InlineData("2025-01-31", "2024-12-31", null, "2025-01-10", "Complete", false, MilestoneStatus.Complete, 10, null, false)] // completed late
    [InlineData("2025-01-31", "2025-03-31", null, "2025-01-10", null, true, MilestoneStatus.Complete, 0, null, true)] // completed early; risk flag irrelevant
    [InlineData("2025-01-31", "2025-01-31", null, null, "In progress", false, MilestoneStatus.OnTrack, 0, null, null)] // due today: not yet overdue
    [InlineData("2025-01-31", "2025-01-30", null, null, "In progress", false, MilestoneStatus.AtRisk, 1, null, null)] // due yesterday, no revised date
    [InlineData("2025-01-31", "2025-01-30", "2025-02-28", null, "In progress", false, MilestoneStatus.Delayed, 1, null, null)] // overdue, revised into the future
    [InlineData("2025-01-31", "2024-12-31", "2025-01-31", null, "In progress", false, MilestoneStatus.AtRisk, 31, null, null)] // revised date equal to as-of
    [InlineData("2025-01-31", "2024-12-31", "2025-10-31", null, "In progress", false, MilestoneStatus.Delayed, 31, null, null)] // revised equal to the deadline
    [InlineData("2025-01-31", "2024-12-31", "2025-11-01", null, "In progress", false, MilestoneStatus.AtRisk, 31, null, null)] // revised a day past the deadline
    [InlineData("2025-01-31", "2024-12-31", "2025-03-31", null, "In progress", true, MilestoneStatus.AtRisk, 31, null, null)] // overdue and flagged at risk
    [InlineData("2025-01-31", "2025-02-01", null, null, "In progress", false, MilestoneStatus.OnTrack, 0, null, null)] // due tomorrow
    [InlineData("2025-01-31", "2025-03-31", "2025-10-31", null, "In progress", false, MilestoneStatus.Delayed, 0, 214, null)] // not due, revised to the deadline
    [InlineData("2025-01-31", "2025-03-31", "2025-11-30", null, "In progress", false, MilestoneStatus.AtRisk, 0, null, null)] // not due, revised past the deadline
    [InlineData("2025-01-31", "2025-03-31", null, null, "In progress", true, MilestoneStatus.AtRisk, 0, null, null)] // not due, flagged
    [InlineData("2025-01-31", "2025-03-02", null, null, "Not started", false, MilestoneStatus.AtRisk, 0, null, null)] // not started, due in 30 days
    [InlineData("2025-01-31", "2025-03-03", null, null, "Not started", false, MilestoneStatus.OnTrack, 0, null, null)] // not started, due in 31 days
    [InlineData("2025-01-31", "2025-03-02", null, null, "In progress", false, MilestoneStatus.OnTrack, 0, null, null)] // started, due in 30 days
    [InlineData("2025-01-31", "2025-03-31", "2025-03-31", null, "In progress", false, MilestoneStatus.OnTrack, 0, null, null)] // revised equal to due
    [InlineData("2025-01-31", "2025-03-31", "2025-03-01", null, "In progress", false, MilestoneStatus.OnTrack, 0, null, null)] // brought forward
    [InlineData("2025-01-31", "2025-03-31", "2025-04-01", null, "On hold", false, MilestoneStatus.Delayed, 0, 1, null)] // one day of forecast delay
    [InlineData("2024-02-29", "2024-01-31", "2024-03-31", null, "In progress", false, MilestoneStatus.Delayed, 29, null, null)] // leap-year month end
    [InlineData("2025-02-28", "2025-01-31", "2025-03-31", null, "In progress", false, MilestoneStatus.Delayed, 28, null, null)] // February month end
    [InlineData("2024-12-31", "2024-11-30", "2025-01-31", null, "In progress", false, MilestoneStatus.Delayed, 31, null, null)] // across the year end
    public void Assess_ContractCase_HasExpectedStatusAndDays(
        string asOf, string due, string? revised, string? completed, string? status, bool risk,
        MilestoneStatus expected, int delayDays, int? forecastDelayDays, bool? onTime)
    {
        var milestone = new Milestone("WS1-01", "Leadership", "Deliver", "Lead", Date(due), Opt(revised), Opt(completed), Status(status), risk, "Commentary");

        var result = MilestoneRules.Assess(milestone, Date(asOf), Deadline);

        Assert.Equal(expected, result.Status);
        Assert.Equal(delayDays, result.DelayDays);
        Assert.Equal(forecastDelayDays, result.ForecastDelayDays);
        Assert.Equal(onTime, result.OnTime);
    }

    [Theory]
    [InlineData(MilestoneStatus.Complete, Rag.Blue)]
    [InlineData(MilestoneStatus.OnTrack, Rag.Green)]
    [InlineData(MilestoneStatus.Delayed, Rag.Amber)]
    [InlineData(MilestoneStatus.AtRisk, Rag.Red)]
    public void RagOf_Status_IsTheContractColour(MilestoneStatus status, Rag rag) => Assert.Equal(rag, MilestoneRules.RagOf(status));

    [Fact]
    public void Assess_WithoutADeadline_IgnoresTheDeadlineRule()
    {
        var milestone = new Milestone("WS1-01", "A", "B", "C", new DateOnly(2025, 3, 31), new DateOnly(2030, 1, 1), null, ReportedStatus.InProgress, false, "x");
        Assert.Equal(MilestoneStatus.Delayed, MilestoneRules.Assess(milestone, new DateOnly(2025, 1, 31), null).Status);
    }

    internal static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Opt(string? text) => text is null ? null : Date(text);

    private static ReportedStatus? Status(string? text) => text switch
    {
        "Complete" => ReportedStatus.Complete,
        "In progress" => ReportedStatus.InProgress,
        "Not started" => ReportedStatus.NotStarted,
        "On hold" => ReportedStatus.OnHold,
        _ => null,
    };
}

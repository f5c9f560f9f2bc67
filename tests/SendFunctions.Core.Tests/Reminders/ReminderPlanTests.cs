using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Milestones.MilestoneRulesTests;

namespace SendFunctions.Core.Tests.Reminders;

/// <summary>
/// With the sample configuration: actions due on the 3rd working day, milestones and metrics on the 5th, reminders from three
/// working days before. December 2024's drops: actions due Mon 6 Jan 2025, the others Wed 8 Jan 2025.
/// </summary>
public sealed class ReminderPlanTests
{
    private static readonly WorkingDays Calendar = new();

    [Theory]
    [InlineData("2024-12-30", "")] // reminders for actions start on 31 Dec, three working days before 6 Jan over New Year's Day
    [InlineData("2024-12-31", "actions:Reminder")]
    [InlineData("2025-01-01", "")] // bank holiday: nothing
    [InlineData("2025-01-03", "actions:Reminder milestones:Reminder metrics:Reminder")]
    [InlineData("2025-01-04", "")] // Saturday
    [InlineData("2025-01-06", "actions:Reminder milestones:Reminder metrics:Reminder")] // actions due today
    [InlineData("2025-01-07", "actions:Escalation milestones:Reminder metrics:Reminder")]
    [InlineData("2025-01-09", "actions:Escalation milestones:Escalation metrics:Escalation")]
    [InlineData("2025-01-31", "actions:Escalation milestones:Escalation metrics:Escalation")]
    public void For_Day_RemindsThenEscalatesOnWorkingDaysOnly(string today, string expected)
    {
        var plan = ReminderPlan.For(Date(today), SampleStatus.Config, _ => new HashSet<Dataset>(), Calendar)
            .Where(r => r.Period == ReportingPeriod.Of(2024, 12))
            .SelectMany(r => r.Datasets.Select(d => $"{d.ToSlug()}:{r.Kind}"));
        var wanted = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(e => e.Contains(':', StringComparison.Ordinal));
        Assert.Equal(wanted.Order(), plan.Order());
    }

    [Fact]
    public void For_DatasetAlreadyAccepted_IsNotReminded()
    {
        var plan = ReminderPlan.For(Date("2025-01-09"), SampleStatus.Config, p => p == ReportingPeriod.Of(2024, 12) ? new HashSet<Dataset> { Dataset.Milestones, Dataset.Actions } : new HashSet<Dataset>(), Calendar);
        Assert.Equal([Dataset.Metrics], plan.Where(r => r.Period == ReportingPeriod.Of(2024, 12)).SelectMany(r => r.Datasets));
    }

    [Fact]
    public void For_OptionalDatasetConfiguredAsExpected_IsRemindedAndOneNotConfiguredIsNot()
    {
        var received = new HashSet<Dataset> { Dataset.Milestones, Dataset.Metrics, Dataset.Actions };
        var plan = ReminderPlan.For(Date("2025-01-09"), SampleStatus.BusinessConfig, p => p == ReportingPeriod.Of(2024, 12) ? received : [], Calendar);
        var december = plan.Where(r => r.Period == ReportingPeriod.Of(2024, 12)).SelectMany(r => r.Datasets).ToList();
        Assert.Contains(Dataset.Risks, december);
        Assert.DoesNotContain(Dataset.Targets, december);
        Assert.DoesNotContain(ReminderPlan.For(Date("2025-01-09"), SampleStatus.Config, p => p == ReportingPeriod.Of(2024, 12) ? received : [], Calendar), r => r.Period == ReportingPeriod.Of(2024, 12));
    }

    [Fact]
    public void For_AfterTheDueMonthEnds_NoLongerEscalatesLastMonthsDrop() =>
        Assert.DoesNotContain(ReminderPlan.For(Date("2025-02-03"), SampleStatus.Config, _ => new HashSet<Dataset>(), Calendar), r => r.Period == ReportingPeriod.Of(2024, 12));

    [Fact]
    public void Escalation_OneDailyDigestToTheLeadWithEveryLateReturnAndItsOwnersCopied()
    {
        var escalation = Assert.Single(
            ReminderPlan.For(Date("2025-01-13"), SampleStatus.Config with { Programme = SampleStatus.Config.Programme with { ReplyTo = "team@example.gov.uk" } }, _ => new HashSet<Dataset>(), Calendar),
            r => r.Kind == ReminderKind.Escalation);

        Assert.Equal(ReportingPeriod.Of(2024, 12), escalation.Period);
        Assert.Equal(["send.programme@example.gov.uk"], escalation.Message.To);
        Assert.Equal(["send.pmo@example.gov.uk", "childrens.performance@example.gov.uk", "send.board@example.gov.uk"], escalation.Message.Cc);
        Assert.Equal("team@example.gov.uk", escalation.Message.ReplyTo);
        Assert.Equal("Overdue: three returns for December 2024 are late (milestones, metrics and actions)", escalation.Message.Subject);
        Assert.Contains("The milestones return from SEND Improvement Programme Office was due on 8 January 2025 and is three working days late.", escalation.Message.Text, StringComparison.Ordinal); // 9, 10 and 13 January
        Assert.Contains("The actions return from Partnership Board Secretary was due on 6 January 2025 and is five working days late.", escalation.Message.Text, StringComparison.Ordinal);
        Assert.Equal("escalation-2025-01-13", escalation.KeyFor(Date("2025-01-13")));
    }

    [Fact]
    public void Escalation_OneLateReturn_NamesItInTheSubject()
    {
        var accepted = new HashSet<Dataset> { Dataset.Milestones, Dataset.Actions };
        var escalation = Assert.Single(ReminderPlan.For(Date("2025-01-09"), SampleStatus.Config, _ => accepted, Calendar), r => r.Kind == ReminderKind.Escalation);

        Assert.Equal("Overdue: the metrics return for December 2024 is one working day late", escalation.Message.Subject);
        Assert.Equal(["childrens.performance@example.gov.uk"], escalation.Message.Cc);
    }

    [Fact]
    public void Escalation_AfterTheProgrammesDeadline_StopsWhileOwnersAreStillReminded()
    {
        var ended = SampleStatus.Config with { Programme = SampleStatus.Config.Programme with { Deadline = new DateOnly(2025, 1, 6) } };

        var plan = ReminderPlan.For(Date("2025-01-07"), ended, _ => new HashSet<Dataset>(), Calendar);

        Assert.DoesNotContain(plan, r => r.Kind == ReminderKind.Escalation);
        Assert.Equal(2, plan.Count(r => r.Kind == ReminderKind.Reminder && r.Period == ReportingPeriod.Of(2024, 12)));
    }
}

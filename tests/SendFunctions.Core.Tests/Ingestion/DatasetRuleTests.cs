using SendFunctions.Core.Actions;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>Every error and warning of DATA-CONTRACT.md section 3, one row each.</summary>
public sealed class DatasetRuleTests
{
    [Theory]
    [InlineData("31/02/2025", IssueCode.BadDate, "not a real date")]
    [InlineData("03/25/2025", IssueCode.BadDate, "US-style")]
    [InlineData("31/03/25", IssueCode.BadDate, "Two-digit years")]
    [InlineData("", IssueCode.RequiredValue, "must be filled in")]
    public void Milestone_BadDueDate_IsAnError(string due, IssueCode code, string advice)
    {
        var error = Assert.Single(Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: due)).Report.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(2, error.Row);
        Assert.Equal("DueDate", error.Column);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-31")]
    [InlineData("31/03/2025")]
    [InlineData("31-03-2025")]
    [InlineData("5/3/2025", 2025, 3, 5)]
    [InlineData("5 Mar 2025", 2025, 3, 5)]
    [InlineData("5 March 2025", 2025, 3, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Milestone_ContractDateFormats_AreRead(string due, int year = 2025, int month = 3, int day = 31)
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: due));
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Due);
    }

    [Fact]
    public void Milestone_RequiredColumnMissing_IsOneErrorNamingIt()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, "MilestoneId,Workstream,Milestone,DueDate", "WS1,A,B,31/03/2025");
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.MissingColumn, error.Code);
        Assert.Equal("Owner", error.Column);
        Assert.Contains("'Lead'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestone_DuplicateId_NamesTheFirstRow()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(id: "WS1-01"), Drops.Milestone(id: "WS1-02"), Drops.Milestone(id: "WS1-01"));
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.DuplicateId, error.Code);
        Assert.Equal(4, error.Row);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestone_CompletedAfterAsOf_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(completed: "01/02/2025", status: "Complete"), IssueCode.CompletedAfterAsOf, "CompletedDate");

    [Fact]
    public void Milestone_CompleteWithoutDate_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(status: "Complete"), IssueCode.CompleteWithoutDate, "Status");

    [Fact]
    public void Milestone_DateWithOtherStatus_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(completed: "10/01/2025", status: "In progress"), IssueCode.DateWithoutComplete, "CompletedDate");

    [Fact]
    public void Milestone_CompletedDateWithEmptyStatus_IsAccepted() =>
        Assert.True(Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(completed: "10/01/2025", status: "")).Valid);

    [Fact]
    public void Milestone_UnknownStatus_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(status: "Nearly there"), IssueCode.BadChoice, "Status");

    [Fact]
    public void Milestone_BadBoolean_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(atRisk: "maybe"), IssueCode.BadBoolean, "AtRisk");

    [Fact]
    public void Milestone_IdLongerThan32_IsAnError() =>
        AssertSingleError(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(id: new string('X', 33)), IssueCode.TooLong, "MilestoneId");

    [Fact]
    public void Milestone_RevisedBeforeDue_IsAWarning()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "31/03/2025", revised: "28/02/2025"));
        Assert.True(result.Valid);
        Assert.Equal(IssueCode.RevisedBeforeDue, Assert.Single(result.Report.Warnings).Code);
    }

    [Theory]
    [InlineData("31/12/2024", "")]
    [InlineData("31/03/2025", "30/11/2025")]
    public void Milestone_DelayedOrAtRiskWithoutCommentary_IsAWarning(string due, string revised)
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: due, revised: revised, commentary: ""));
        Assert.True(result.Valid);
        Assert.Equal(IssueCode.NoCommentary, Assert.Single(result.Report.Warnings).Code);
    }

    [Fact]
    public void Milestone_EveryErrorInTheFile_IsListed()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader,
            Drops.Milestone(id: "A", due: "bad"),
            Drops.Milestone(id: "B", status: "Complete"),
            Drops.Milestone(id: "C", atRisk: "perhaps"));
        Assert.Equal([2, 3, 4], result.Report.Errors.Select(e => e.Row!.Value));
        Assert.Null(result.Data);
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1,234", 1234)]
    [InlineData("37.5", 37.5)]
    [InlineData("37%", 37)]
    [InlineData("£1,100,000", 1100000)]
    public void Metric_ContractNumberFormats_AreRead(string value, double expected)
    {
        var unit = value.StartsWith('£') ? "£" : "number";
        var result = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(unit: unit, value: $"\"{value}\"", target: ""));
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Equal((decimal)expected, Assert.Single(((DatasetRows<MetricReading>)result.Data!).Items).Value);
    }

    [Fact]
    public void Metric_ValueNotANumber_IsAnError() =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(value: "n/a"), IssueCode.BadNumber, "Value");

    [Fact]
    public void Metric_TargetNotANumber_IsAnError() =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(target: "tbc"), IssueCode.BadNumber, "Target");

    [Fact]
    public void Metric_UnknownUnit_IsAnError() =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(unit: "furlongs"), IssueCode.BadChoice, "Unit");

    [Fact]
    public void Metric_UnknownPolarity_IsAnError() =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(polarity: "sideways"), IssueCode.BadChoice, "Polarity");

    [Theory]
    [InlineData("higher", Polarity.Higher)]
    [InlineData("Higher is better", Polarity.Higher)]
    [InlineData("LOWER", Polarity.Lower)]
    [InlineData("Lower is better", Polarity.Lower)]
    public void Metric_PolarityWording_IsAccepted(string text, Polarity expected) =>
        Assert.Equal(expected, Assert.Single(((DatasetRows<MetricReading>)Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(polarity: text)).Data!).Items).Polarity);

    [Fact]
    public void Metric_DataPeriodAfterDrop_IsAnError() =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(dataPeriod: "2025-02"), IssueCode.DataPeriodAfterDrop, "DataPeriod");

    [Fact]
    public void Metric_EmptyDataPeriod_IsTheDropPeriod() =>
        Assert.Equal(Drops.January2025, Assert.Single(((DatasetRows<MetricReading>)Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(dataPeriod: "")).Data!).Items).DataPeriod);

    [Fact]
    public void Metric_DuplicateId_IsAnError() =>
        Assert.Equal(IssueCode.DuplicateId, Assert.Single(Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(), Drops.Metric()).Report.Errors).Code);

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public void Metric_PercentOutside0To100_IsAnError(string value) =>
        AssertSingleError(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(value: value), IssueCode.PercentOutOfRange, "Value");

    [Fact]
    public void Action_ClosedWithoutDate_IsAnError() =>
        AssertSingleError(Dataset.Actions, Drops.ActionHeader, Drops.Action(status: "Closed"), IssueCode.ClosedWithoutDate, "ClosedDate");

    [Fact]
    public void Action_ClosedAfterAsOf_IsAnError() =>
        AssertSingleError(Dataset.Actions, Drops.ActionHeader, Drops.Action(status: "Closed", closed: "03/02/2025"), IssueCode.ClosedAfterAsOf, "ClosedDate");

    [Fact]
    public void Action_UnknownStatus_IsAnError() =>
        AssertSingleError(Dataset.Actions, Drops.ActionHeader, Drops.Action(status: "Pending"), IssueCode.BadChoice, "Status");

    [Fact]
    public void Action_Valid_IsCurated()
    {
        var action = Assert.Single(((DatasetRows<ActionItem>)Drops.ValidateCsv(Dataset.Actions, Drops.ActionHeader, Drops.Action(status: "closed", closed: "30/01/2025")).Data!).Items);
        Assert.Equal(ActionState.Closed, action.Status);
        Assert.Equal(new DateOnly(2025, 1, 30), action.Closed);
    }

    private static void AssertSingleError(Dataset dataset, string header, string row, IssueCode code, string column)
    {
        var result = Drops.ValidateCsv(dataset, header, row);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(column, error.Column);
        Assert.Equal(2, error.Row);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Null(result.Data);
    }
}

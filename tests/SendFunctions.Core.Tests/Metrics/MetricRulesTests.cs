using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Metrics;

/// <summary>DATA-CONTRACT.md section 5.</summary>
public sealed class MetricRulesTests
{
    private static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);

    [Theory]
    [InlineData(Polarity.Higher, 58, 58, Rag.Green)]
    [InlineData(Polarity.Higher, 60, 58, Rag.Green)]
    [InlineData(Polarity.Higher, 52.2, 58, Rag.Amber)] // exactly 90% of the target
    [InlineData(Polarity.Higher, 52.1, 58, Rag.Red)]
    [InlineData(Polarity.Lower, 18, 18, Rag.Green)]
    [InlineData(Polarity.Lower, 19.8, 18, Rag.Amber)] // exactly 110% of the target
    [InlineData(Polarity.Lower, 19.9, 18, Rag.Red)]
    [InlineData(Polarity.Lower, 0, 0, Rag.Green)]
    [InlineData(Polarity.Lower, 1, 0, Rag.Red)]
    public void RagOf_AgainstTarget_UsesTenPerCentTolerance(Polarity polarity, double value, double target, Rag expected) =>
        Assert.Equal(expected, MetricRules.RagOf(Reading(MetricUnit.Number, polarity, (decimal)value, (decimal)target), 10));

    [Fact]
    public void RagOf_NoTarget_IsNone() => Assert.Equal(Rag.None, MetricRules.RagOf(Reading(MetricUnit.Count, Polarity.Higher, 5, null), 10));

    [Fact]
    public void RagOf_ConfiguredTolerance_IsUsed() =>
        Assert.Equal(Rag.Amber, MetricRules.RagOf(Reading(MetricUnit.Number, Polarity.Higher, 46.4m, 58), 20));

    [Fact]
    public void Assess_PercentMetric_ChangeInPercentagePoints()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Percent, Polarity.Higher, 37, 58), January, 33, 10);
        Assert.Equal(4m, result.Change);
        Assert.Equal(Trend.Up, result.Trend);
        Assert.Equal(Direction.Improving, result.Direction);
    }

    [Fact]
    public void Assess_OtherMetric_ChangeInPerCentOfPrevious()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Weeks, Polarity.Lower, 35, 18), January, 34, 10);
        Assert.Equal(2.9m, result.Change); // (35 - 34) / 34 = 2.94%
        Assert.Equal(Trend.Up, result.Trend);
        Assert.Equal(Direction.Worsening, result.Direction);
    }

    [Fact]
    public void Assess_LowerIsBetterFalling_IsImproving()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Count, Polarity.Lower, 7, 0), January, 22, 10);
        Assert.Equal(-68.2m, result.Change);
        Assert.Equal(Direction.Improving, result.Direction);
    }

    [Fact]
    public void Assess_Unchanged_IsFlatAndSame()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Weeks, Polarity.Lower, 118, 52), January, 118, 10);
        Assert.Equal(0m, result.Change);
        Assert.Equal(Trend.Flat, result.Trend);
        Assert.Equal(Direction.Same, result.Direction);
    }

    [Fact]
    public void Assess_PreviousZeroForNonPercent_HasNoPercentChangeButATrend()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Count, Polarity.Higher, 5, null), January, 0, 10);
        Assert.Null(result.Change);
        Assert.Equal(Trend.Up, result.Trend);
    }

    [Fact]
    public void Assess_NoPreviousValue_HasAllThreeNull()
    {
        var result = MetricRules.Assess(Reading(MetricUnit.Percent, Polarity.Higher, 37, 58), January, null, 10);
        Assert.Null(result.Change);
        Assert.Null(result.Trend);
        Assert.Null(result.Direction);
    }

    [Theory]
    [InlineData("2025-01", false)]
    [InlineData("2024-12", false)]
    [InlineData("2024-11", true)]
    [InlineData("2023-01", true)]
    public void Assess_DataTwoOrMoreMonthsOld_IsStale(string dataPeriod, bool stale) =>
        Assert.Equal(stale, MetricRules.Assess(Reading(MetricUnit.Percent, Polarity.Higher, 37, 58) with { DataPeriod = ReportingPeriod.Parse(dataPeriod) }, January, null, 10).Stale);

    private static MetricReading Reading(MetricUnit unit, Polarity polarity, decimal value, decimal? target) =>
        new("M1", "Measure", "Area", unit, polarity, value, January, target, null);
}

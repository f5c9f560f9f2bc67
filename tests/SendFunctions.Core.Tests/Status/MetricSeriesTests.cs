using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Status;

/// <summary>A metric's trend is by the month its data describes, never by the month it was reported in.</summary>
public sealed class MetricSeriesTests
{
    [Fact]
    public void Compute_LateFigures_AreKeyedByTheirDataMonth()
    {
        // September's drop describes September; November's describes September again (no new figure); January's describes November.
        var status = Compute(
            ("2024-09", "2024-09", 30m),
            ("2024-11", "2024-09", 30m),
            ("2025-01", "2024-11", 36m));

        var points = status.MetricSeries["EHCP20"];
        Assert.Equal(["2024-09 30", "2024-11 36"], points.Select(p => $"{p.Period} {p.Value}"));
    }

    [Fact]
    public void Compute_RestatedFigure_LaterDropWins()
    {
        var status = Compute(
            ("2024-11", "2024-11", 30m),
            ("2024-12", "2024-11", 31m),
            ("2025-01", "2025-01", 33m));

        Assert.Equal(["2024-11 31", "2025-01 33"], status.MetricSeries["EHCP20"].Select(p => $"{p.Period} {p.Value}"));
    }

    [Fact]
    public void Compute_HistoryInAnyOrder_GivesTheSameSeriesAndChange()
    {
        var ordered = Compute(("2024-11", "2024-11", 30m), ("2024-12", "2024-11", 31m), ("2025-01", "2025-01", 33m));
        var reversed = Compute(("2024-12", "2024-11", 31m), ("2024-11", "2024-11", 30m), ("2025-01", "2025-01", 33m));

        Assert.Equal(ordered.MetricSeries["EHCP20"], reversed.MetricSeries["EHCP20"]);
        Assert.Equal(2.0m, ordered.Metrics.Single().Change); // against the latest earlier drop, December's 31
        Assert.Equal(ordered.Metrics.Single().Change, reversed.Metrics.Single().Change);
    }

    /// <summary>Drops of one % metric as (drop month, data month, value); the last is the period computed.</summary>
    private static PeriodStatus Compute(params (string Drop, string Data, decimal Value)[] drops)
    {
        static MetricReading Reading(string data, decimal value) =>
            new("EHCP20", "EHCPs issued within 20 weeks", "EHCP", MetricUnit.Percent, Polarity.Higher, value, ReportingPeriod.Parse(data), 58m, null);

        var current = drops[^1];
        var history = drops[..^1].Select(d => new MetricDrop(ReportingPeriod.Parse(d.Drop), [Reading(d.Data, d.Value)])).ToList();
        return StatusEngine.Compute(new PeriodInputs(ReportingPeriod.Parse(current.Drop), new DateOnly(2025, 10, 31), [], null, [Reading(current.Data, current.Value)], history, []));
    }
}

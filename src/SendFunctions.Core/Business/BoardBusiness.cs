using SendFunctions.Core.Metrics;

namespace SendFunctions.Core.Business;

/// <summary>The Board's own business for a period, as the papers use it; null where the period has none accepted.</summary>
/// <param name="Risks">The risk and issue log with each entry's trend (given, or computed from last month).</param>
/// <param name="Targets">The trajectory in use (the latest accepted at or before the period).</param>
public sealed record BoardBusiness(
    IReadOnlyList<SubgroupUpdate>? Updates,
    IReadOnlyList<BoardDecision>? Decisions,
    IReadOnlyList<RiskAssessment>? Risks,
    IReadOnlyList<MetricTarget>? Targets)
{
    public static readonly BoardBusiness None = new(null, null, null, null);
}

/// <param name="Trend">As the owner gave it, else from last month's score; null when the entry is new (or there is no last month).</param>
public sealed record RiskAssessment(RiskEntry Risk, RiskTrend? Trend)
{
    public bool IsHigh(int threshold) => Risk.Status == RiskState.Open && Risk.Score >= threshold;

    /// <summary>Open entries, highest score first, then by ID.</summary>
    public static IReadOnlyList<RiskAssessment> Assess(IReadOnlyList<RiskEntry> risks, IReadOnlyList<RiskEntry>? previous) => risks
        .Select(r => new RiskAssessment(r, r.Trend ?? TrendFrom(r, previous)))
        .OrderByDescending(r => r.Risk.Score)
        .ThenBy(r => r.Risk.Id, StringComparer.Ordinal)
        .ToList();

    private static RiskTrend? TrendFrom(RiskEntry risk, IReadOnlyList<RiskEntry>? previous) =>
        previous?.FirstOrDefault(p => string.Equals(p.Id, risk.Id, StringComparison.OrdinalIgnoreCase)) is not { } last ? null
        : risk.Score > last.Score ? RiskTrend.Up
        : risk.Score < last.Score ? RiskTrend.Down
        : RiskTrend.Same;
}

/// <summary>The target in force for a figure: the trajectory's step with the latest month at or before the month the figure describes.</summary>
public static class Trajectory
{
    public static MetricReading Apply(MetricReading reading, IReadOnlyList<MetricTarget>? targets)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var inForce = targets?
            .Where(t => string.Equals(t.MetricId, reading.Id, StringComparison.OrdinalIgnoreCase) && t.Period <= reading.DataPeriod)
            .MaxBy(t => t.Period);
        return inForce is null ? reading : reading with { Target = inForce.Target };
    }
}

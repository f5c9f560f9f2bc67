using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Metrics;

/// <summary>A metric reading judged against its target and its previous value.</summary>
/// <param name="Change">Against the previous value: percentage points for % metrics, per cent of the previous value otherwise; null without one (or when the previous value was 0 for a non-% metric).</param>
/// <param name="Stale">The data month is two or more months before the drop's period.</param>
public sealed record MetricAssessment(
    MetricReading Reading,
    Rag Rag,
    decimal? Previous,
    decimal? Change,
    Trend? Trend,
    Direction? Direction,
    bool Stale);

public enum Trend
{
    Up,
    Down,
    Flat,
}

public enum Direction
{
    Improving,
    Worsening,
    Same,
}

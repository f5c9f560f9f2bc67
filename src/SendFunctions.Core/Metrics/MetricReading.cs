using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>One performance measure as reported in a period's drop.</summary>
/// <param name="DataPeriod">The month the value describes; may be earlier than the drop (then it may be stale).</param>
public sealed record MetricReading(
    string Id,
    string Name,
    string Area,
    MetricUnit Unit,
    Polarity Polarity,
    decimal Value,
    ReportingPeriod DataPeriod,
    decimal? Target,
    decimal? Baseline);

public enum MetricUnit
{
    Percent,
    Count,
    Weeks,
    Days,
    Number,
    Pounds,
}

/// <summary>Which way is better.</summary>
public enum Polarity
{
    Higher,
    Lower,
}

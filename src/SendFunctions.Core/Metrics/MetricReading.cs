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
    decimal? Baseline)
{
    /// <summary>The owner's words on the measure this month, printed beside it; null when none was given (and then not written to JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Commentary { get; init; }
}

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

using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>A metric's target from a month on (a step of its trajectory): in force until a later month's target.</summary>
public sealed record MetricTarget(string MetricId, ReportingPeriod Period, decimal Target);

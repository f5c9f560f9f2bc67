using SendFunctions.Core.Actions;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>Everything the status of one period depends on: the accepted data, never the clock.</summary>
/// <param name="PreviousMilestones">The previous month's accepted milestones; null when there is none (movement is then null).</param>
/// <param name="MetricHistory">Earlier accepted metrics drops, any order; the most recent earlier value of each metric is its previous value.</param>
public sealed record PeriodInputs(
    ReportingPeriod Period,
    DateOnly Deadline,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Milestone>? PreviousMilestones,
    IReadOnlyList<MetricReading> Metrics,
    IReadOnlyList<MetricDrop> MetricHistory,
    IReadOnlyList<ActionItem> Actions,
    decimal TolerancePercent = MetricRules.DefaultTolerancePercent);

/// <summary>One earlier period's accepted metrics.</summary>
public sealed record MetricDrop(ReportingPeriod Period, IReadOnlyList<MetricReading> Readings);

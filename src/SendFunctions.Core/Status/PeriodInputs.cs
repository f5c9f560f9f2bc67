using SendFunctions.Core.Actions;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>Everything the status of one period depends on: the accepted data, never the clock.</summary>
/// <param name="PreviousMilestones">The previous month's accepted milestones; null when there is none (movement is then null).</param>
/// <param name="Metrics">The period's accepted metrics; empty when its metrics return is missing or rejected.</param>
/// <param name="MetricHistory">Earlier accepted metrics drops, any order; the most recent earlier value of each metric is its previous value.</param>
/// <param name="Actions">The period's accepted action log; empty when it is missing or rejected.</param>
/// <param name="Returns">What became of each of the period's returns; null to derive it from the data present (Accepted where there are rows, else Missing).</param>
/// <param name="MissingReturns">Whether a missing or rejected return is filled, labelled, from the last accepted month.</param>
/// <param name="EarlierActions">The latest earlier accepted action log, shown in place of a missing one when <paramref name="MissingReturns"/> asks for it.</param>
/// <param name="ComparedWith">
/// The month movement is measured from and whose milestones <paramref name="PreviousMilestones"/> are: the last month the
/// previous paper covered, for a paper covering several months; null for the month before.
/// </param>
public sealed record PeriodInputs(
    ReportingPeriod Period,
    DateOnly Deadline,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Milestone>? PreviousMilestones,
    IReadOnlyList<MetricReading> Metrics,
    IReadOnlyList<MetricDrop> MetricHistory,
    IReadOnlyList<ActionItem> Actions,
    decimal TolerancePercent = MetricRules.DefaultTolerancePercent,
    PeriodReturns? Returns = null,
    MissingReturnDisplay MissingReturns = MissingReturnDisplay.Nothing,
    ActionDrop? EarlierActions = null,
    ReportingPeriod? ComparedWith = null);

/// <summary>One earlier period's accepted metrics.</summary>
public sealed record MetricDrop(ReportingPeriod Period, IReadOnlyList<MetricReading> Readings);

/// <summary>One earlier period's accepted action log.</summary>
public sealed record ActionDrop(ReportingPeriod Period, IReadOnlyList<ActionItem> Items);

using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
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
    ReportingPeriod? ComparedWith = null)
{
    /// <summary>The Board's own business; <see cref="BusinessInputs.None"/> when the period has none of it.</summary>
    public BusinessInputs Business { get; init; } = BusinessInputs.None;
}

/// <summary>The accepted returns of the Board's own business for a period; null where the period has none accepted.</summary>
/// <param name="PreviousRisks">Last month's accepted risk log, from which a risk's trend is computed where its owner gave none.</param>
/// <param name="Targets">The latest accepted targets return at or before the period: a trajectory is not re-sent monthly.</param>
public sealed record BusinessInputs(
    IReadOnlyList<SubgroupUpdate>? Updates,
    IReadOnlyList<BoardDecision>? Decisions,
    IReadOnlyList<RiskEntry>? Risks,
    IReadOnlyList<RiskEntry>? PreviousRisks,
    IReadOnlyList<MetricTarget>? Targets)
{
    public static readonly BusinessInputs None = new(null, null, null, null, null);
}

/// <summary>One earlier period's accepted metrics.</summary>
public sealed record MetricDrop(ReportingPeriod Period, IReadOnlyList<MetricReading> Readings);

/// <summary>One earlier period's accepted action log.</summary>
public sealed record ActionDrop(ReportingPeriod Period, IReadOnlyList<ActionItem> Items);

using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Status;

/// <summary>Computes a period's status from its inputs. Pure and deterministic: same inputs, same result, same order.</summary>
public static class StatusEngine
{
    public static PeriodStatus Compute(PeriodInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var period = inputs.Period;
        var assessed = inputs.Milestones.Select(m => MilestoneRules.Assess(m, period.AsOf, inputs.Deadline)).ToList();
        var previous = inputs.PreviousMilestones?.Select(m => MilestoneRules.Assess(m, (inputs.ComparedWith ?? period.Previous).AsOf, inputs.Deadline)).ToList();
        var (milestones, removed) = MilestoneMovement.Compare(assessed, previous);

        var returns = CheckedReturns(inputs);
        var series = MetricSeries(inputs);
        var metrics = Assess(inputs.Metrics, period);
        var actions = returns.Actions.IsAccepted ? ActionLog.Assess(inputs.Actions, period) : null;

        LastAccepted<IReadOnlyList<MetricAssessment>>? earlierMetrics = null;
        LastAccepted<ActionLog>? earlierActions = null;
        if (inputs.MissingReturns == MissingReturnDisplay.LastAccepted)
        {
            if (!returns.Metrics.IsAccepted && inputs.MetricHistory.Where(d => d.Period < period).MaxBy(d => d.Period) is { } lastMetrics)
            {
                earlierMetrics = new(lastMetrics.Period, Assess(lastMetrics.Readings, lastMetrics.Period));
            }

            if (!returns.Actions.IsAccepted && inputs.EarlierActions is { } lastActions && lastActions.Period < period)
            {
                earlierActions = new(lastActions.Period, ActionLog.Assess(lastActions.Items, lastActions.Period));
            }
        }

        return new PeriodStatus(
            period,
            inputs.Deadline,
            milestones,
            removed,
            previous is not null,
            metrics,
            series,
            actions,
            Summarise(inputs, milestones),
            returns,
            earlierMetrics,
            earlierActions)
        {
            Business = Business(inputs.Business),
            ComparedWith = inputs.ComparedWith is { } since && since != period.Previous ? since : null,
        };

        // Each reading is judged as at the month of the drop it came from, so an earlier month's figures read as they did then.
        IReadOnlyList<MetricAssessment> Assess(IReadOnlyList<MetricReading> readings, Periods.ReportingPeriod drop) => readings
            .Select(r => MetricRules.Assess(Trajectory.Apply(r, inputs.Business.Targets), drop, PreviousValue(inputs, r.Id, drop), inputs.TolerancePercent))
            .ToList();
    }

    private static BoardBusiness Business(BusinessInputs b) => b == BusinessInputs.None ? BoardBusiness.None : new BoardBusiness(
        b.Updates,
        b.Decisions,
        b.Risks is { } risks ? RiskAssessment.Assess(risks, b.PreviousRisks) : null,
        b.Targets);

    /// <summary>The returns as given (or as the data implies); a state that contradicts the data is a programming error.</summary>
    private static PeriodReturns CheckedReturns(PeriodInputs inputs)
    {
        var returns = inputs.Returns ?? PeriodReturns.FromPresence(true, inputs.Metrics.Count > 0, inputs.Actions.Count > 0);
        if (!returns.Milestones.IsAccepted)
        {
            throw new ArgumentException("A period's status needs its accepted milestones.", nameof(inputs));
        }

        if (returns.Metrics.IsAccepted != inputs.Metrics.Count > 0 || returns.Actions.IsAccepted != inputs.Actions.Count > 0)
        {
            throw new ArgumentException("The returns' states must match the data given: rows exactly where a return is Accepted.", nameof(inputs));
        }

        return returns;
    }

    private static StatusSummary Summarise(PeriodInputs inputs, IReadOnlyList<MilestoneAssessment> milestones)
    {
        var next = inputs.Period.Next;
        var open = milestones.Where(m => m.Status != MilestoneStatus.Complete).ToList();
        var workstreams = milestones
            .GroupBy(m => m.Milestone.Workstream, StringComparer.OrdinalIgnoreCase)
            .Select(g => new WorkstreamSummary(g.First().Milestone.Workstream, StatusCounts.Of(g)))
            .ToList();
        var longest = open.Where(m => m.DelayDays > 0)
            .OrderByDescending(m => m.DelayDays)
            .ThenBy(m => m.Milestone.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        var dueNext = open.Where(m => next.Contains(m.Milestone.EffectiveDue))
            .OrderBy(m => m.Milestone.EffectiveDue)
            .ThenBy(m => m.Milestone.Id, StringComparer.Ordinal)
            .ToList();
        var movements = milestones.Where(m => m.Movement is not null)
            .GroupBy(m => m.Movement!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        return new StatusSummary(StatusCounts.Of(milestones), workstreams, longest, dueNext, inputs.Deadline.DayNumber - inputs.Period.AsOf.DayNumber, movements);
    }

    /// <summary>
    /// Each metric's values by the month the data describes (its DataPeriod), for trend charts: a value reported late is
    /// plotted in its own month, and a month no drop describes has no point. Drops are read oldest first, so a later drop's
    /// figure for the same month (a restatement) wins.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<MetricPoint>> MetricSeries(PeriodInputs inputs)
    {
        var points = new Dictionary<string, SortedDictionary<Periods.ReportingPeriod, decimal>>(StringComparer.OrdinalIgnoreCase);
        foreach (var drop in EarlierDrops(inputs).Append(new MetricDrop(inputs.Period, inputs.Metrics)))
        {
            foreach (var reading in drop.Readings)
            {
                if (!points.TryGetValue(reading.Id, out var byMonth))
                {
                    points[reading.Id] = byMonth = [];
                }

                byMonth[reading.DataPeriod] = reading.Value;
            }
        }

        return points.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<MetricPoint>)p.Value.Select(kv => new MetricPoint(kv.Key, kv.Value)).ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<MetricDrop> EarlierDrops(PeriodInputs inputs) =>
        inputs.MetricHistory.Where(d => d.Period < inputs.Period).OrderBy(d => d.Period);

    /// <summary>The metric's value in the most recent drop before <paramref name="drop"/> that has it (DATA-CONTRACT.md section 5).</summary>
    private static decimal? PreviousValue(PeriodInputs inputs, string id, Periods.ReportingPeriod drop) =>
        inputs.MetricHistory.Where(d => d.Period < drop).OrderByDescending(d => d.Period)
            .Select(d => d.Readings.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(r => r is not null)?.Value;
}

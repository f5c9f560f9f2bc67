using SendFunctions.Core.Actions;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>What was accepted for one period, dataset by dataset; null where nothing valid arrived.</summary>
public sealed record AcceptedPeriod(
    IReadOnlyList<Milestone>? Milestones,
    IReadOnlyList<MetricReading>? Metrics,
    IReadOnlyList<ActionItem>? Actions);

/// <summary>Turns the accepted data of several periods into the inputs for one, whatever store it came from.</summary>
public static class AcceptedData
{
    /// <summary>Null when the period has no accepted milestones: there is nothing to report on.</summary>
    public static PeriodInputs? InputsFor(
        ReportingPeriod period, DateOnly deadline, decimal tolerancePercent, IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (!accepted.TryGetValue(period, out var current) || current.Milestones is null)
        {
            return null;
        }

        var previous = accepted.TryGetValue(period.Previous, out var last) ? last.Milestones : null;
        var history = accepted
            .Where(p => p.Key < period && p.Value.Metrics is not null)
            .OrderBy(p => p.Key)
            .Select(p => new MetricDrop(p.Key, p.Value.Metrics!))
            .ToList();
        return new PeriodInputs(period, deadline, current.Milestones, previous, current.Metrics ?? [], history, current.Actions ?? [], tolerancePercent);
    }
}

using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>Turns the accepted data of several periods into the inputs for one, whatever store it came from.</summary>
public static class AcceptedData
{
    /// <summary>The accepted versions of every period, as stored (one current curated drop per period and dataset), by period; <paramref name="returns"/> are the reported period's.</summary>
    public static IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> FromCurated(IEnumerable<CuratedDrop> drops, ReportingPeriod period, PeriodReturns? returns)
    {
        ArgumentNullException.ThrowIfNull(drops);
        return drops.GroupBy(d => d.Period).ToDictionary(g => g.Key, g => new AcceptedPeriod(
            g.GroupBy(d => d.Dataset).Select(d => d.First().Data),
            g.Key == period ? returns : null));
    }

    /// <summary>
    /// The inputs for a period from the current curated drops, and exactly the drops they were made from, which a paper's
    /// manifest records and its fingerprint hashes. Null when the period has no accepted milestones.
    /// </summary>
    /// <param name="drops">The current curated drop of every period and dataset up to <paramref name="period"/>.</param>
    /// <param name="returns">What became of the period's returns; null to take them from the drops present.</param>
    public static CuratedInputs? InputsFor(
        ReportingPeriod period,
        DateOnly deadline,
        decimal tolerancePercent,
        IReadOnlyList<CuratedDrop> drops,
        PeriodReturns? returns,
        MissingReturnDisplay missingReturns = MissingReturnDisplay.Nothing,
        ReportingPeriod? comparedWith = null) =>
        InputsFor(period, deadline, tolerancePercent, FromCurated(drops, period, returns), missingReturns, comparedWith) is { } inputs
            ? new CuratedInputs(inputs, UsedFor(period, drops, comparedWith))
            : null;

    /// <summary>Null when the period has no accepted milestones: there is nothing to report on.</summary>
    /// <param name="missingReturns">Whether a missing metrics return or action log is shown from the last accepted month (labelled).</param>
    /// <param name="comparedWith">The month movement is measured from (the previous paper's last month); null for the month before.</param>
    public static PeriodInputs? InputsFor(
        ReportingPeriod period,
        DateOnly deadline,
        decimal tolerancePercent,
        IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> accepted,
        MissingReturnDisplay missingReturns = MissingReturnDisplay.Nothing,
        ReportingPeriod? comparedWith = null)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (!accepted.TryGetValue(period, out var current) || current.Rows<Milestone>() is not { } milestones)
        {
            return null;
        }

        var previous = accepted.TryGetValue(comparedWith ?? period.Previous, out var last) ? last.Rows<Milestone>() : null;
        var history = accepted
            .Where(p => p.Key < period && p.Value.Has(Dataset.Metrics))
            .OrderBy(p => p.Key)
            .Select(p => new MetricDrop(p.Key, p.Value.Rows<MetricReading>()!))
            .ToList();
        var earlierActions = accepted
            .Where(p => p.Key < period && p.Value.Has(Dataset.Actions))
            .OrderByDescending(p => p.Key)
            .Select(p => new ActionDrop(p.Key, p.Value.Rows<ActionItem>()!))
            .FirstOrDefault();
        return new PeriodInputs(
            period, deadline, milestones, previous, current.Rows<MetricReading>() ?? [], history, current.Rows<ActionItem>() ?? [], tolerancePercent,
            current.ReturnsOrPresence, missingReturns, earlierActions, comparedWith)
        {
            Business = new BusinessInputs(
                current.Rows<SubgroupUpdate>(),
                current.Rows<BoardDecision>(),
                current.Rows<RiskEntry>(),
                accepted.TryGetValue(period.Previous, out var lastMonth) ? lastMonth.Rows<RiskEntry>() : null,
                accepted.Where(p => p.Key <= period && p.Value.Has(Dataset.Targets)).OrderByDescending(p => p.Key).Select(p => p.Value.Rows<MetricTarget>()).FirstOrDefault()),
        };
    }

    /// <summary>
    /// Exactly the drops a period's status depends on: this month's and the compared month's milestones (movement), the
    /// latest action log up to this month (this month's, else the earlier one a paper may show, labelled), this month's
    /// updates and decisions, this and last month's risks, and every metrics and targets drop up to this month.
    /// </summary>
    public static List<CuratedDrop> UsedFor(ReportingPeriod period, IReadOnlyCollection<CuratedDrop> drops, ReportingPeriod? comparedWith)
    {
        var since = comparedWith ?? period.Previous;
        var actionsFrom = drops.Where(d => d.Dataset == Dataset.Actions && d.Period <= period).Select(d => d.Period).DefaultIfEmpty().Max();
        return drops.Where(d => d.Period <= period && d.Dataset switch
            {
                Dataset.Milestones => d.Period == period || d.Period == since,
                Dataset.Actions => d.Period == actionsFrom,
                Dataset.Updates or Dataset.Decisions => d.Period == period,
                Dataset.Risks => d.Period == period || d.Period == period.Previous,
                _ => true,
            })
            .ToList();
    }
}

/// <summary>A period's status inputs and the curated drops they were made from.</summary>
public sealed record CuratedInputs(PeriodInputs Inputs, IReadOnlyList<CuratedDrop> Used);

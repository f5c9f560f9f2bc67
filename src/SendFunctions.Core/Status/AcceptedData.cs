using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>What was accepted for one period, dataset by dataset; null where nothing valid arrived.</summary>
/// <param name="Returns">
/// What became of each return (accepted, rejected, missing, with upload dates). Null when the caller knows only the
/// accepted data: each dataset is then Accepted where present and Missing where not.
/// </param>
public sealed record AcceptedPeriod(
    IReadOnlyList<Milestone>? Milestones,
    IReadOnlyList<MetricReading>? Metrics,
    IReadOnlyList<ActionItem>? Actions,
    PeriodReturns? Returns = null)
{
    /// <summary>The returns as given, or as the data present implies.</summary>
    public PeriodReturns ReturnsOrPresence => Returns ?? PeriodReturns.FromPresence(Milestones is not null, Metrics is not null, Actions is not null) with
    {
        Optional = [.. Present(Dataset.Updates, Updates), .. Present(Dataset.Decisions, Decisions), .. Present(Dataset.Risks, Risks), .. Present(Dataset.Targets, Targets)],
    };

    public IReadOnlyList<SubgroupUpdate>? Updates { get; init; }

    public IReadOnlyList<BoardDecision>? Decisions { get; init; }

    public IReadOnlyList<RiskEntry>? Risks { get; init; }

    public IReadOnlyList<MetricTarget>? Targets { get; init; }

    private static IEnumerable<DatasetReturn> Present<T>(Dataset dataset, IReadOnlyList<T>? rows) => rows is null ? [] : [DatasetReturn.Accepted(dataset)];
}

/// <summary>Turns the accepted data of several periods into the inputs for one, whatever store it came from.</summary>
public static class AcceptedData
{
    /// <summary>The accepted versions of every period, as stored (one current curated drop per period and dataset), by period; <paramref name="returns"/> are the reported period's.</summary>
    public static IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> FromCurated(IEnumerable<CuratedDrop> drops, ReportingPeriod period, PeriodReturns? returns)
    {
        ArgumentNullException.ThrowIfNull(drops);
        return drops.GroupBy(d => d.Period).ToDictionary(g => g.Key, g => new AcceptedPeriod(
            g.FirstOrDefault(d => d.Dataset == Dataset.Milestones)?.Milestones,
            g.FirstOrDefault(d => d.Dataset == Dataset.Metrics)?.Metrics,
            g.FirstOrDefault(d => d.Dataset == Dataset.Actions)?.Actions,
            g.Key == period ? returns : null)
        {
            Updates = g.FirstOrDefault(d => d.Dataset == Dataset.Updates)?.Updates,
            Decisions = g.FirstOrDefault(d => d.Dataset == Dataset.Decisions)?.Decisions,
            Risks = g.FirstOrDefault(d => d.Dataset == Dataset.Risks)?.Risks,
            Targets = g.FirstOrDefault(d => d.Dataset == Dataset.Targets)?.Targets,
        });
    }

    /// <summary>
    /// Exactly the drops a period's status depends on, which a paper's manifest records: this month's and last month's
    /// milestones (movement), this month's actions, and every metrics drop up to this month (change and trend).
    /// </summary>
    /// <param name="comparedWith">The month movement is measured from; null for the month before.</param>
    public static IReadOnlyList<CuratedDrop> UsedFor(ReportingPeriod period, IEnumerable<CuratedDrop> drops, ReportingPeriod? comparedWith = null)
    {
        ArgumentNullException.ThrowIfNull(drops);
        var since = comparedWith ?? period.Previous;
        return drops.Where(d => d.Period <= period && d.Dataset switch
            {
                Dataset.Milestones => d.Period == period || d.Period == since,
                Dataset.Actions or Dataset.Updates or Dataset.Decisions => d.Period == period,
                Dataset.Risks => d.Period == period || d.Period == period.Previous,
                _ => true,
            })
            .ToList();
    }

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
        if (!accepted.TryGetValue(period, out var current) || current.Milestones is null)
        {
            return null;
        }

        var previous = accepted.TryGetValue(comparedWith ?? period.Previous, out var last) ? last.Milestones : null;
        var history = accepted
            .Where(p => p.Key < period && p.Value.Metrics is not null)
            .OrderBy(p => p.Key)
            .Select(p => new MetricDrop(p.Key, p.Value.Metrics!))
            .ToList();
        var earlierActions = accepted
            .Where(p => p.Key < period && p.Value.Actions is not null)
            .OrderByDescending(p => p.Key)
            .Select(p => new ActionDrop(p.Key, p.Value.Actions!))
            .FirstOrDefault();
        return new PeriodInputs(
            period, deadline, current.Milestones, previous, current.Metrics ?? [], history, current.Actions ?? [], tolerancePercent,
            current.ReturnsOrPresence, missingReturns, earlierActions, comparedWith)
        {
            Business = new BusinessInputs(
                current.Updates,
                current.Decisions,
                current.Risks,
                accepted.TryGetValue(period.Previous, out var lastMonth) ? lastMonth.Risks : null,
                accepted.Where(p => p.Key <= period && p.Value.Targets is not null).OrderByDescending(p => p.Key).Select(p => p.Value.Targets).FirstOrDefault()),
        };
    }
}

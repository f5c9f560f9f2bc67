using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>The computed state of the programme for one period.</summary>
/// <param name="Metrics">The period's own readings, assessed; empty when its metrics return is missing or rejected (see <paramref name="Returns"/>).</param>
/// <param name="Actions">The action log as at the month end; null unless the period has an accepted action log.</param>
/// <param name="Returns">What became of each of the period's returns: what a paper says about the data it uses.</param>
/// <param name="EarlierMetrics">The last accepted month's metrics, assessed as at that month, when the period has none and the programme shows the last accepted month.</param>
/// <param name="EarlierActions">Likewise for the action log.</param>
public sealed record PeriodStatus(
    ReportingPeriod Period,
    DateOnly Deadline,
    IReadOnlyList<MilestoneAssessment> Milestones,
    IReadOnlyList<MilestoneAssessment> Removed,
    bool HasPreviousPeriod,
    IReadOnlyList<MetricAssessment> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> MetricSeries,
    ActionLog? Actions,
    StatusSummary Summary,
    PeriodReturns Returns,
    LastAccepted<IReadOnlyList<MetricAssessment>>? EarlierMetrics = null,
    LastAccepted<ActionLog>? EarlierActions = null)
{
    /// <summary>The Board's own business: subgroup updates, decisions, risks, targets; <see cref="BoardBusiness.None"/> when the period has none.</summary>
    public BoardBusiness Business { get; init; } = BoardBusiness.None;

    /// <summary>The month movement is measured from when it is not the month before (a paper covering several months); else null.</summary>
    public ReportingPeriod? ComparedWith { get; init; }

    /// <summary>"last month", or the month movement is measured from ("October 2024").</summary>
    public string Since => ComparedWith is { } since ? since.ToLongName() : "last month";

    /// <summary>"reported last month", or "reported in October 2024".</summary>
    public string ReportedBefore => ComparedWith is { } since ? $"reported in {since.ToLongName()}" : "reported last month";

    /// <summary>Milestones whose owners report them on hold; each keeps the status its dates give it.</summary>
    public IReadOnlyList<MilestoneAssessment> OnHold => Milestones.Where(m => m.OnHold).ToList();
}

/// <summary>An earlier month's figures shown, labelled with <see cref="Period"/>, in place of a return the period does not have.</summary>
public sealed record LastAccepted<T>(ReportingPeriod Period, T Value);

/// <summary>A metric's value for one data month (the month the figure describes, not the drop that reported it), for trend charts.</summary>
public sealed record MetricPoint(ReportingPeriod Period, decimal Value);

/// <summary>Counts by status, overall or for one workstream.</summary>
public sealed record StatusCounts(int Total, int Complete, int OnTrack, int Delayed, int AtRisk)
{
    /// <summary>Whole per cent complete, rounded half away from zero; 0 when there are none.</summary>
    public int PercentComplete => Total == 0 ? 0 : (int)Math.Round(Complete * 100m / Total, MidpointRounding.AwayFromZero);

    public static StatusCounts Of(IEnumerable<MilestoneAssessment> assessments)
    {
        int total = 0, complete = 0, onTrack = 0, delayed = 0, atRisk = 0;
        foreach (var a in assessments)
        {
            total++;
            switch (a.Status)
            {
                case MilestoneStatus.Complete: complete++; break;
                case MilestoneStatus.OnTrack: onTrack++; break;
                case MilestoneStatus.Delayed: delayed++; break;
                case MilestoneStatus.AtRisk: atRisk++; break;
            }
        }

        return new StatusCounts(total, complete, onTrack, delayed, atRisk);
    }
}

public sealed record WorkstreamSummary(string Workstream, StatusCounts Counts);

/// <param name="LongestDelay">The open (not complete) milestone with the most delay days; null when none is late.</param>
/// <param name="DueNextPeriod">Open milestones whose effective date falls in the next month.</param>
/// <param name="DaysToDeadline">From the as-of date to the WSoA deadline; negative once it has passed.</param>
public sealed record StatusSummary(
    StatusCounts Counts,
    IReadOnlyList<WorkstreamSummary> Workstreams,
    MilestoneAssessment? LongestDelay,
    IReadOnlyList<MilestoneAssessment> DueNextPeriod,
    int DaysToDeadline,
    IReadOnlyDictionary<Movement, int> Movements);

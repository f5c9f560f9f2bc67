using SendFunctions.Core.Actions;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>The computed state of the programme for one period.</summary>
public sealed record PeriodStatus(
    ReportingPeriod Period,
    DateOnly Deadline,
    IReadOnlyList<MilestoneAssessment> Milestones,
    IReadOnlyList<MilestoneAssessment> Removed,
    bool HasPreviousPeriod,
    IReadOnlyList<MetricAssessment> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> MetricSeries,
    ActionLog Actions,
    StatusSummary Summary);

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

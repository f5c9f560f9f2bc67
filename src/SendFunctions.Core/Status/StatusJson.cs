using System.Text.Json;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Status;

/// <summary>The machine-readable status of DATA-CONTRACT.md section 7, field for field.</summary>
public sealed record StatusJson(
    string Period,
    DateOnly AsOf,
    DateOnly Deadline,
    IReadOnlyList<StatusJson.MilestoneJson> Milestones,
    IReadOnlyList<string> RemovedMilestones,
    IReadOnlyList<StatusJson.MetricJson> Metrics,
    StatusJson.ActionsJson Actions,
    StatusJson.SummaryJson Summary)
{
    public static StatusJson From(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var counts = status.Summary.Counts;
        return new StatusJson(
            status.Period.ToString(),
            status.Period.AsOf,
            status.Deadline,
            status.Milestones.Select(m => new MilestoneJson(m.Milestone.Id, m.Milestone.Workstream, m.Status, m.Rag, m.DelayDays, m.ForecastDelayDays, m.OnTime, m.Movement)).ToList(),
            status.Removed.Select(m => m.Milestone.Id).ToList(),
            status.Metrics.Select(m => new MetricJson(m.Reading.Id, m.Reading.Value, m.Reading.Target, m.Rag, m.Change, m.Trend, m.Direction, m.Stale)).ToList(),
            new ActionsJson(status.Actions.ClosedThisPeriod.Count, status.Actions.OpenNotDue.Count, status.Actions.OpenOverdue.Count),
            new SummaryJson(counts.Total, counts.Complete, counts.OnTrack, counts.Delayed, counts.AtRisk));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json.Options);

    public sealed record MilestoneJson(string Id, string Workstream, MilestoneStatus Status, Rag Rag, int DelayDays, int? ForecastDelayDays, bool? OnTime, Movement? Movement);

    public sealed record MetricJson(string Id, decimal Value, decimal? Target, Rag Rag, decimal? Change, Trend? Trend, Direction? Direction, bool Stale);

    public sealed record ActionsJson(int ClosedThisPeriod, int OpenNotDue, int OpenOverdue);

    public sealed record SummaryJson(int Milestones, int Complete, int OnTrack, int Delayed, int AtRisk);
}

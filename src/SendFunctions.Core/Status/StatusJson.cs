using System.Text.Json;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Status;

/// <summary>
/// The machine-readable status of DATA-CONTRACT.md section 7, field for field. Missing data is never shown as none:
/// <see cref="Datasets"/> gives each return's state, <see cref="Actions"/> is null without an accepted action log, and
/// <see cref="Metrics"/> holds only the period's own readings (never a last accepted month shown in a paper).
/// </summary>
public sealed record StatusJson(
    string Period,
    DateOnly AsOf,
    DateOnly Deadline,
    StatusJson.DatasetsJson Datasets,
    IReadOnlyList<StatusJson.MilestoneJson> Milestones,
    IReadOnlyList<string> RemovedMilestones,
    IReadOnlyList<StatusJson.MetricJson> Metrics,
    StatusJson.ActionsJson? Actions,
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
            new DatasetsJson(status.Returns.Milestones.State, status.Returns.Metrics.State, status.Returns.Actions.State),
            status.Milestones.Select(m => new MilestoneJson(m.Milestone.Id, m.Milestone.Workstream, m.Status, m.Rag, m.OnHold, m.DelayDays, m.ForecastDelayDays, m.OnTime, m.Movement)).ToList(),
            status.Removed.Select(m => m.Milestone.Id).ToList(),
            status.Metrics.Select(m => new MetricJson(m.Reading.Id, m.Reading.Value, m.Reading.Target, m.Rag, m.Change, m.Trend, m.Direction, m.Stale)).ToList(),
            status.Actions is { } log ? new ActionsJson(log.ClosedThisPeriod.Count, log.OpenNotDue.Count, log.OpenOverdue.Count) : null,
            new SummaryJson(counts.Total, counts.Complete, counts.OnTrack, counts.Delayed, counts.AtRisk));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json.Options);

    public sealed record DatasetsJson(DatasetState Milestones, DatasetState Metrics, DatasetState Actions);

    public sealed record MilestoneJson(string Id, string Workstream, MilestoneStatus Status, Rag Rag, bool OnHold, int DelayDays, int? ForecastDelayDays, bool? OnTime, Movement? Movement);

    public sealed record MetricJson(string Id, decimal Value, decimal? Target, Rag Rag, decimal? Change, Trend? Trend, Direction? Direction, bool Stale);

    public sealed record ActionsJson(int ClosedThisPeriod, int OpenNotDue, int OpenOverdue);

    public sealed record SummaryJson(int Milestones, int Complete, int OnTrack, int Delayed, int AtRisk);
}

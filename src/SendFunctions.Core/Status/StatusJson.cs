using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
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
    /// <summary>
    /// The Board's own business, present only when the period has one of its returns (expected or accepted); each count
    /// is null unless that return was accepted, so a missing decision log is never read as "no decisions".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BusinessJson? Business { get; init; }

    public static StatusJson From(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var counts = status.Summary.Counts;
        return new StatusJson(
            status.Period.ToString(),
            status.Period.AsOf,
            status.Deadline,
            DatasetsJson.From(status.Returns),
            status.Milestones.Select(m => new MilestoneJson(m.Milestone.Id, m.Milestone.Workstream, m.Status, m.Rag, m.OnHold, m.DelayDays, m.ForecastDelayDays, m.OnTime, m.Movement)).ToList(),
            status.Removed.Select(m => m.Milestone.Id).ToList(),
            status.Metrics.Select(m => new MetricJson(m.Reading.Id, m.Reading.Value, m.Reading.Target, m.Rag, m.Change, m.Trend, m.Direction, m.Stale)).ToList(),
            status.Actions is { } log ? new ActionsJson(log.ClosedThisPeriod.Count, log.OpenNotDue.Count, log.OpenOverdue.Count) : null,
            new SummaryJson(counts.Total, counts.Complete, counts.OnTrack, counts.Delayed, counts.AtRisk))
        {
            Business = BusinessJson.From(status.Returns, status.Business),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json.Options);

    /// <summary>Each return's state; the Board's business returns appear only when the period has them (expected or accepted).</summary>
    public sealed record DatasetsJson(
        DatasetState Milestones,
        DatasetState Metrics,
        DatasetState Actions,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetState? Updates = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetState? Decisions = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetState? Risks = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetState? Targets = null)
    {
        public static DatasetsJson From(PeriodReturns returns)
        {
            ArgumentNullException.ThrowIfNull(returns);
            DatasetState? Optional(Dataset dataset) => returns.Has(dataset) ? returns.For(dataset).State : null;
            return new DatasetsJson(
                returns.Milestones.State,
                returns.Metrics.State,
                returns.Actions.State,
                Optional(Dataset.Updates),
                Optional(Dataset.Decisions),
                Optional(Dataset.Risks),
                Optional(Dataset.Targets));
        }
    }

    /// <summary>Counts from the Board's business returns; each null unless that return was accepted.</summary>
    /// <param name="OpenRisks">Risk and issue log entries still open.</param>
    public sealed record BusinessJson(int? Updates, int? Decisions, int? OpenRisks, int? Targets)
    {
        public static BusinessJson? From(PeriodReturns returns, BoardBusiness business)
        {
            ArgumentNullException.ThrowIfNull(returns);
            ArgumentNullException.ThrowIfNull(business);
            if (returns.Optional.Count == 0)
            {
                return null;
            }

            int? Count<T>(Dataset dataset, IReadOnlyList<T>? rows, Func<T, bool>? counted = null) =>
                returns.Accepted(dataset) && rows is not null ? rows.Count(counted ?? (_ => true)) : null;
            return new BusinessJson(
                Count(Dataset.Updates, business.Updates),
                Count(Dataset.Decisions, business.Decisions),
                Count(Dataset.Risks, business.Risks, r => r.Risk.Status == RiskState.Open),
                Count(Dataset.Targets, business.Targets));
        }
    }

    public sealed record MilestoneJson(string Id, string Workstream, MilestoneStatus Status, Rag Rag, bool OnHold, int DelayDays, int? ForecastDelayDays, bool? OnTime, Movement? Movement);

    public sealed record MetricJson(string Id, decimal Value, decimal? Target, Rag Rag, decimal? Change, Trend? Trend, Direction? Direction, bool Stale);

    public sealed record ActionsJson(int ClosedThisPeriod, int OpenNotDue, int OpenOverdue);

    public sealed record SummaryJson(int Milestones, int Complete, int OnTrack, int Delayed, int AtRisk);
}

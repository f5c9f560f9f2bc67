using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Ingestion;

/// <summary>Where accepted data came from: the upload and its immutable archive copy.</summary>
public sealed record DropSource(string Blob, string Archive, string ETag, DateTimeOffset UploadedAt);

/// <summary>The canonical JSON of one accepted drop: <c>curated/{period}/{dataset}.json</c>.</summary>
public sealed record CuratedDrop(
    Dataset Dataset,
    ReportingPeriod Period,
    DropSource Source,
    int Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Milestone>? Milestones = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MetricReading>? Metrics = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionItem>? Actions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SubgroupUpdate>? Updates = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BoardDecision>? Decisions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RiskEntry>? Risks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MetricTarget>? Targets = null)
{
    public static CuratedDrop From(DropPath drop, DropSource source, DatasetRows rows)
    {
        ArgumentNullException.ThrowIfNull(drop);
        return rows switch
        {
            DatasetRows<Milestone> m => new CuratedDrop(drop.Dataset, drop.Period, source, m.Count, Milestones: m.Items),
            DatasetRows<MetricReading> m => new CuratedDrop(drop.Dataset, drop.Period, source, m.Count, Metrics: m.Items),
            DatasetRows<ActionItem> a => new CuratedDrop(drop.Dataset, drop.Period, source, a.Count, Actions: a.Items),
            DatasetRows<SubgroupUpdate> u => new CuratedDrop(drop.Dataset, drop.Period, source, u.Count, Updates: u.Items),
            DatasetRows<BoardDecision> d => new CuratedDrop(drop.Dataset, drop.Period, source, d.Count, Decisions: d.Items),
            DatasetRows<RiskEntry> r => new CuratedDrop(drop.Dataset, drop.Period, source, r.Count, Risks: r.Items),
            DatasetRows<MetricTarget> t => new CuratedDrop(drop.Dataset, drop.Period, source, t.Count, Targets: t.Items),
            _ => throw new ArgumentOutOfRangeException(nameof(rows)),
        };
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static CuratedDrop FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<CuratedDrop>(utf8, Json.Options) ?? throw new JsonException("The curated document is empty.");
}

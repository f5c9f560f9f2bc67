using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The stored shape of a <see cref="CuratedDrop"/>: dataset, period, source, row count, then the rows under the dataset's
/// own name (<c>"milestones": [...]</c>). Blobs already in storage are read, and new ones written, byte for byte as before
/// the rows became a <see cref="DatasetRows"/>; a document whose rows are missing or under another dataset's name is not
/// a curated drop.
/// </summary>
internal sealed class CuratedDropJson : JsonConverter<CuratedDrop>
{
    public override CuratedDrop Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options) ?? throw new JsonException("The curated document is empty.");
        DatasetRows? rows = stored.Dataset switch
        {
            Dataset.Milestones => Rows(stored.Milestones),
            Dataset.Metrics => Rows(stored.Metrics),
            Dataset.Actions => Rows(stored.Actions),
            Dataset.Updates => Rows(stored.Updates),
            Dataset.Decisions => Rows(stored.Decisions),
            Dataset.Risks => Rows(stored.Risks),
            Dataset.Targets => Rows(stored.Targets),
            _ => null,
        };
        return rows is not null && stored.Source is not null
            ? new CuratedDrop(stored.Period, stored.Source, rows)
            : throw new JsonException($"The curated document has no {stored.Dataset.ToSlug()} rows or no source.");
    }

    public override void Write(Utf8JsonWriter writer, CuratedDrop value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        var stored = new Stored(value.Dataset, value.Period, value.Source, value.Rows);
        JsonSerializer.Serialize(writer, value.Data switch
        {
            DatasetRows<Milestone> m => stored with { Milestones = m.Items },
            DatasetRows<MetricReading> m => stored with { Metrics = m.Items },
            DatasetRows<ActionItem> a => stored with { Actions = a.Items },
            DatasetRows<SubgroupUpdate> u => stored with { Updates = u.Items },
            DatasetRows<BoardDecision> d => stored with { Decisions = d.Items },
            DatasetRows<RiskEntry> r => stored with { Risks = r.Items },
            DatasetRows<MetricTarget> t => stored with { Targets = t.Items },
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        }, options);
    }

    private static DatasetRows<T>? Rows<T>(IReadOnlyList<T>? items) => items is null ? null : new DatasetRows<T>(items);

    /// <summary>The document as stored: one list, named after the dataset, the others absent.</summary>
    private sealed record Stored(
        Dataset Dataset,
        ReportingPeriod Period,
        DropSource? Source,
        int Rows,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Milestone>? Milestones = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MetricReading>? Metrics = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionItem>? Actions = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SubgroupUpdate>? Updates = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BoardDecision>? Decisions = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RiskEntry>? Risks = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MetricTarget>? Targets = null);
}

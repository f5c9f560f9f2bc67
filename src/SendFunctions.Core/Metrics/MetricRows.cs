using System.Collections;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Metrics;

/// <summary>
/// A metrics drop's accepted rows held as their cells: the checked values in fixed-size entries, blocks of 512 rows,
/// the ID, name and commentary as bytes in <see cref="TextBlocks"/>, the area as the one string shared by every
/// row naming it. A row's <see cref="MetricReading"/> is made when it is read (as the curated JSON is written), so
/// holding 100,000 rows is a few hundred objects, not a record and two strings a row for the garbage collector to move.
/// Each read makes a new record equal to the last.
/// </summary>
internal sealed class MetricRows : IRowHolder<MetricSchema.Row, MetricReading>, IReadOnlyList<MetricReading>
{
    private const int Block = 512;
    private readonly List<Entry[]> blocks = [];
    private readonly TextBlocks text = new();

    public bool KeepsStrings => false;

    public IReadOnlyList<MetricReading> Rows => this;

    public int Count { get; private set; }

    public MetricReading this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Reading(blocks[index / Block][index % Block]);
        }
    }

    public void Add(CellParser cells, in MetricSchema.Row row)
    {
        if (Count % Block == 0)
        {
            blocks.Add(new Entry[Block]);
        }

        blocks[^1][Count % Block] = new Entry(
            text.Add(cells.TextSpan("MetricId")), text.Add(cells.TextSpan("Metric")), cells.Text("Area"), text.Add(cells.TextSpan("Commentary")), row);
        Count++;
    }

    public IEnumerator<MetricReading> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Reading(blocks[i / Block][i % Block]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The record <see cref="MetricSchema.Build"/> makes of the same cells: an empty commentary is none.</summary>
    private MetricReading Reading(in Entry entry)
    {
        var row = entry.Values;
        return new MetricReading(text.StringOf(entry.Id), text.StringOf(entry.Name), entry.Area, row.Unit, row.Polarity, row.Value, row.DataPeriod, row.Target, row.Baseline)
        {
            Commentary = entry.Commentary.Length == 0 ? null : text.StringOf(entry.Commentary),
        };
    }

    private readonly record struct Entry(TextRef Id, TextRef Name, string Area, TextRef Commentary, MetricSchema.Row Values);
}

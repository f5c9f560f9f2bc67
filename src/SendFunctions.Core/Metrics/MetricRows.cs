using System.Collections;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>
/// A metrics drop's accepted rows held as their cells: the checked values in 88-byte entries, blocks of 512 rows (under
/// the large object heap's threshold), the ID, name and commentary as one piece of text in <see cref="TextBlocks"/>, the
/// area as the one string shared by every row naming it. A row's <see cref="MetricReading"/> is made when it is read (as
/// the curated JSON is written), so holding 100,000 rows is a few hundred objects, not a record and two strings a row
/// for the garbage collector to move. Each read makes a new record equal to the last.
/// </summary>
internal sealed class MetricRows : IRowHolder<MetricSchema.Row, MetricReading>, IReadOnlyList<MetricReading>
{
    private const int Block = 512;
    private const byte HasTarget = 1;
    private const byte HasBaseline = 2;
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

        var id = cells.TextSpan("MetricId");
        var name = cells.TextSpan("Metric");
        var held = text.Add(id, name, cells.TextSpan("Commentary"));
        blocks[^1][Count % Block] = new Entry(
            row.Value, row.Target ?? 0, row.Baseline ?? 0, cells.Text("Area"), held, id.Length, name.Length, row.DataPeriod,
            (byte)row.Unit, (byte)row.Polarity, (byte)((row.Target is null ? 0 : HasTarget) | (row.Baseline is null ? 0 : HasBaseline)));
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
        var commentary = Math.Abs(entry.Text.Length) - entry.IdLength - entry.NameLength;
        return new MetricReading(
            text.StringOf(entry.Text, 0, entry.IdLength), text.StringOf(entry.Text, entry.IdLength, entry.NameLength), entry.Area,
            (MetricUnit)entry.Unit, (Polarity)entry.Polarity, entry.Value, entry.DataPeriod,
            (entry.Present & HasTarget) == 0 ? null : entry.Target, (entry.Present & HasBaseline) == 0 ? null : entry.Baseline)
        {
            Commentary = commentary == 0 ? null : text.StringOf(entry.Text, entry.IdLength + entry.NameLength, commentary),
        };
    }

    /// <summary>One row: its numbers, its area, where its ID, name and commentary lie (in that order) and their lengths, its month, its choices.</summary>
    private readonly record struct Entry(
        decimal Value, decimal Target, decimal Baseline, string Area, TextRef Text, int IdLength, int NameLength, ReportingPeriod DataPeriod, byte Unit, byte Polarity, byte Present);
}

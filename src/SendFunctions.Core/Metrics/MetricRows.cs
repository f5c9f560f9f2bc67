using System.Buffers;
using System.Collections;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>
/// A metrics drop's accepted rows held as their cells: the checked values in 88-byte entries, blocks of 4,096 rows, the
/// ID, name and commentary as one piece of text in <see cref="TextBlocks"/>, the area as the number of the one string
/// shared by every row naming it. A row's <see cref="MetricReading"/> is made when it is read (as the curated JSON is
/// written), so holding 100,000 rows is a few dozen arrays holding no references, not a record and two strings a row for
/// the garbage collector to trace and move. Each read makes a new record equal to the last. The blocks come from the
/// shared pool; disposing of the rows (<see cref="DropValidation.Dispose"/>) gives them back for the next drop, after
/// which reading any row throws <see cref="ObjectDisposedException"/>. Rows never disposed of are collected as usual.
/// </summary>
internal sealed class MetricRows : IRowHolder<MetricSchema.Row, MetricReading>, IReadOnlyList<MetricReading>, IDisposable
{
    private const int Block = 4 * 1024;
    private const byte HasTarget = 1;
    private const byte HasBaseline = 2;
    private const int RecentAreas = 16;
    private readonly List<Entry[]> blocks = [];
    private readonly TextBlocks text = new();
    private readonly List<string> areas = [];
    private readonly Dictionary<string, int> areaNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> areaLookup;

    /// <summary>By slot, the number (plus one; 0 for none) of the last area met there.</summary>
    private readonly int[] recentAreas = new int[RecentAreas];

    private int count;
    private bool disposed;

    public MetricRows() => areaLookup = areaNumbers.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool KeepsStrings => false;

    public IReadOnlyList<MetricReading> Rows => this;

    public int Count
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return count;
        }
    }

    public MetricReading this[int index]
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Reading(blocks[index / Block][index % Block]);
        }
    }

    public void Add(CellParser cells, in MetricSchema.Row row)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (count % Block == 0)
        {
            blocks.Add(ArrayPool<Entry>.Shared.Rent(Block));
        }

        var id = cells.TextSpan("MetricId");
        var name = cells.TextSpan("Metric");
        var held = text.Add(id, name, cells.TextSpan("Commentary"));
        blocks[^1][count % Block] = new Entry(
            row.Value, row.Target ?? 0, row.Baseline ?? 0, AreaNumber(cells.TextSpan("Area")), held, id.Length, name.Length, row.DataPeriod,
            (byte)row.Unit, (byte)row.Polarity, (byte)((row.Target is null ? 0 : HasTarget) | (row.Baseline is null ? 0 : HasBaseline)));
        count++;
    }

    public IEnumerator<MetricReading> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <summary>Gives the blocks back to the shared pool (the text's cleared); no row can be read after.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var block in blocks)
        {
            ArrayPool<Entry>.Shared.Return(block);
        }

        blocks.Clear();
        text.Dispose();
        count = 0;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The number of the area's one string, made the first time the area is seen. A file names a few areas over and over:
    /// the last one met in the area's slot (chosen from its length and end characters) is compared first, without hashing.
    /// </summary>
    private int AreaNumber(ReadOnlySpan<char> area)
    {
        var slot = area.IsEmpty ? 0 : (area.Length + area[0] + (area[^1] * 7)) & (RecentAreas - 1);
        var recent = recentAreas[slot] - 1;
        if (recent >= 0 && area.SequenceEqual(areas[recent]))
        {
            return recent;
        }

        if (areaLookup.TryGetValue(area, out var number))
        {
            recentAreas[slot] = number + 1;
            return number;
        }

        var name = area.ToString();
        areas.Add(name);
        areaNumbers.Add(name, areas.Count - 1);
        recentAreas[slot] = areas.Count;
        return areas.Count - 1;
    }

    /// <summary>The record <see cref="MetricSchema.Build"/> makes of the same cells: an empty commentary is none.</summary>
    private MetricReading Reading(in Entry entry)
    {
        var commentary = Math.Abs(entry.Text.Length) - entry.IdLength - entry.NameLength;
        return new MetricReading(
            text.StringOf(entry.Text, 0, entry.IdLength), text.StringOf(entry.Text, entry.IdLength, entry.NameLength), areas[entry.Area],
            (MetricUnit)entry.Unit, (Polarity)entry.Polarity, entry.Value, entry.DataPeriod,
            (entry.Present & HasTarget) == 0 ? null : entry.Target, (entry.Present & HasBaseline) == 0 ? null : entry.Baseline)
        {
            Commentary = commentary == 0 ? null : text.StringOf(entry.Text, entry.IdLength + entry.NameLength, commentary),
        };
    }

    /// <summary>One row: its numbers, its area's number, where its ID, name and commentary lie (in that order) and their lengths, its month, its choices.</summary>
    private readonly record struct Entry(
        decimal Value, decimal Target, decimal Baseline, int Area, TextRef Text, int IdLength, int NameLength, ReportingPeriod DataPeriod, byte Unit, byte Polarity, byte Present);
}

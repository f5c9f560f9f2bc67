using System.Collections;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A drop's accepted rows in the order read, held in blocks of 4,096: adding never copies what is held, and no block
/// reaches the large object heap, however many rows the file has.
/// </summary>
internal sealed class RowList<T> : IReadOnlyList<T>
{
    private const int Block = 4 * 1024;
    private readonly List<T[]> blocks = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return blocks[index / Block][index % Block];
        }
    }

    public void Add(T item)
    {
        if (Count % Block == 0)
        {
            blocks.Add(new T[Block]);
        }

        blocks[^1][Count % Block] = item;
        Count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return blocks[i / Block][i % Block];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

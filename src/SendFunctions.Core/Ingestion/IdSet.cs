using System.Buffers;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The IDs seen so far in a drop, compared as <see cref="StringComparer.OrdinalIgnoreCase"/> does, each with the row it
/// was first seen on. Kept compactly so a check holds no string per row: the characters are copied into blocks of
/// 16,384, each ID has a 16-byte entry in blocks of 4,096, and an open-addressed table of entry numbers (4 bytes a slot,
/// at most three quarters full) finds them. Only the table is ever copied (when it doubles) and only it can reach the
/// large object heap. For an ID of 7 characters that is 30 bytes a row and the table's 4 to 11.
/// </summary>
internal sealed class IdSet : IDisposable
{
    private const int CharBlock = 16 * 1024;
    private const int EntryBlock = 4 * 1024;
    private const ushort OwnBlock = ushort.MaxValue;

    private readonly List<char[]> chars = [];
    private readonly List<Entry[]> entries = [];
    private int[] slots;
    private int count;
    private int charsUsed = CharBlock;

    /// <param name="expected">How many IDs to make room for before the table first doubles.</param>
    public IdSet(int expected)
    {
        var size = 16;
        while (size * 3 / 4 < expected)
        {
            size *= 2;
        }

        slots = Table(size);
    }

    public int Count => count;

    /// <summary>
    /// Adds <paramref name="id"/> first seen on <paramref name="row"/>; false (and the row it was first seen on) when an ID
    /// equal to it but for case is already there.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<char> id, int row, out int firstRow)
    {
        var hash = string.GetHashCode(id, StringComparison.OrdinalIgnoreCase);
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var held = slots[slot];
            if (held == 0)
            {
                break;
            }

            ref var entry = ref EntryAt(held - 1);
            if (entry.Hash == hash && TextOf(entry).Equals(id, StringComparison.OrdinalIgnoreCase))
            {
                firstRow = entry.Row;
                return false;
            }
        }

        firstRow = row;
        Add(id, hash, row);
        return true;
    }

    private void Add(ReadOnlySpan<char> id, int hash, int row)
    {
        if (count % EntryBlock == 0)
        {
            entries.Add(new Entry[EntryBlock]);
        }

        ref var entry = ref EntryAt(count);
        entry = Stored(id, hash, row);
        count++;
        if (count > slots.Length * 3 / 4)
        {
            Grow();
        }
        else
        {
            Place(slots, count, hash);
        }
    }

    /// <summary>Copies the characters into the current block, or into a block of their own when they fill one (then its offset is <see cref="OwnBlock"/>).</summary>
    private Entry Stored(ReadOnlySpan<char> id, int hash, int row)
    {
        if (id.Length >= CharBlock)
        {
            chars.Add(id.ToArray());
            charsUsed = CharBlock;
            return new Entry(hash, row, chars.Count - 1, OwnBlock, 0);
        }

        if (chars.Count == 0 || id.Length > CharBlock - charsUsed)
        {
            chars.Add(new char[CharBlock]);
            charsUsed = 0;
        }

        var at = charsUsed;
        id.CopyTo(chars[^1].AsSpan(at));
        charsUsed += id.Length;
        return new Entry(hash, row, chars.Count - 1, (ushort)at, (ushort)id.Length);
    }

    private ReadOnlySpan<char> TextOf(in Entry entry) =>
        entry.Offset == OwnBlock ? chars[entry.Block] : chars[entry.Block].AsSpan(entry.Offset, entry.Length);

    private ref Entry EntryAt(int index) => ref entries[index / EntryBlock][index % EntryBlock];

    /// <summary>Gives the table back to the shared pool; the set is not used after.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(slots);
        slots = [];
    }

    private void Grow()
    {
        var grown = Table(slots.Length * 2);
        for (var i = 0; i < count; i++)
        {
            Place(grown, i + 1, EntryAt(i).Hash);
        }

        ArrayPool<int>.Shared.Return(slots);
        slots = grown;
    }

    /// <summary>
    /// An empty table of <paramref name="size"/> slots (a power of two, which the pool gives exactly), from the shared
    /// pool: a table from the large object heap for every file would be new memory each time.
    /// </summary>
    private static int[] Table(int size)
    {
        var table = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(table);
        return table;
    }

    private static void Place(int[] table, int number, int hash)
    {
        var mask = table.Length - 1;
        var slot = hash & mask;
        while (table[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        table[slot] = number;
    }

    private readonly record struct Entry(int Hash, int Row, int Block, ushort Offset, ushort Length);
}

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The IDs seen so far in a drop, compared as <see cref="StringComparer.OrdinalIgnoreCase"/> does, each with the row it
/// was first seen on. Kept compactly so a check holds no string per row: the characters are copied into blocks of 32 KB,
/// a byte each when every one is below U+0100 (two otherwise), each ID has a 12-byte entry (its row and where its text
/// lies) in blocks of 4,096, and an open-addressed table (4 bytes a slot, at most three quarters full) finds them. A slot
/// holds the entry's number in the bits below the table's size and the ID's hash in the bits above, so a probe compares
/// text only when those hash bits match; no hash is stored, the text is hashed again when the table doubles. Only the
/// table is ever copied and only it can reach the large object heap; the table and the blocks come from the shared pool
/// (new memory for every file costs a page fault for each 4 KB first written) and go back to it. For an ID of 7 characters below U+0100 that is 19
/// bytes a row and the table's 5.3 to 10.7 (<see cref="BytesHeld"/>). Once the table outgrows a core's cache (1 MB at
/// 100,000 rows) finding a new ID's slot is a wait on memory: the validator asks for the slot as it starts each row
/// (<see cref="Prefetch"/>), so the read overlaps the row's checks.
/// </summary>
internal sealed class IdSet : IDisposable
{
    private const int TextBlock = 32 * 1024;
    private const int EntryBlock = 4 * 1024;
    private const ushort OwnBlock = ushort.MaxValue;

    private readonly List<byte[]> text = [];
    private readonly List<Entry[]> entries = [];
    private char[] scratch = [];
    private int[] slots;
    private int count;
    private int textUsed = TextBlock;

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

    /// <summary>The bytes the set's arrays occupy: text blocks, entry blocks and the table.</summary>
    public long BytesHeld =>
        text.Sum(b => (long)b.Length) + ((long)entries.Count * EntryBlock * Unsafe.SizeOf<Entry>()) + ((long)slots.Length * sizeof(int));

    /// <summary>
    /// Adds <paramref name="id"/> first seen on <paramref name="row"/>; false (and the row it was first seen on) when an ID
    /// equal to it but for case is already there.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<char> id, int row, out int firstRow)
    {
        var hash = HashOf(id);
        var mask = (uint)slots.Length - 1;
        var tag = hash & ~mask;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var held = (uint)slots[slot];
            if (held == 0)
            {
                break;
            }

            if ((held & ~mask) == tag)
            {
                ref var entry = ref EntryAt((int)(held & mask) - 1);
                if (Matches(entry, id))
                {
                    firstRow = entry.Row;
                    return false;
                }
            }
        }

        firstRow = row;
        Add(id, hash, row);
        return true;
    }

    /// <summary>
    /// Starts reading the table's slot for <paramref name="id"/> into the cache without waiting for it, so that the read
    /// overlaps the row's other checks and <see cref="TryAdd"/> finds it there. A hint only: it changes nothing.
    /// </summary>
    public unsafe void Prefetch(ReadOnlySpan<char> id)
    {
        if (Sse.IsSupported)
        {
            var slot = HashOf(id) & ((uint)slots.Length - 1);
            Sse.Prefetch0(Unsafe.AsPointer(ref slots[slot]));
        }
    }

    private static uint HashOf(ReadOnlySpan<char> id) => (uint)string.GetHashCode(id, StringComparison.OrdinalIgnoreCase);

    private void Add(ReadOnlySpan<char> id, uint hash, int row)
    {
        if (count % EntryBlock == 0)
        {
            entries.Add(ArrayPool<Entry>.Shared.Rent(EntryBlock));
        }

        EntryAt(count) = Stored(id, row);
        count++;
        if (count > slots.Length * 3 / 4)
        {
            Grow();
        }
        else
        {
            Place(slots, (uint)count, hash);
        }
    }

    /// <summary>
    /// Copies the characters into the current block (a byte each when all are below U+0100, else two from an even offset),
    /// or into a block of their own when they would fill one (then its offset is <see cref="OwnBlock"/>).
    /// </summary>
    private Entry Stored(ReadOnlySpan<char> id, int row)
    {
        var narrow = !id.ContainsAnyExceptInRange('\0', '\u00FF');
        var bytes = narrow ? id.Length : id.Length * sizeof(char);
        if (bytes >= TextBlock)
        {
            var own = new byte[bytes];
            Put(id, own, narrow);
            text.Add(own);
            textUsed = TextBlock;
            return new Entry(row, text.Count - 1, OwnBlock, (short)(narrow ? 1 : -1));
        }

        var at = narrow ? textUsed : (textUsed + 1) & ~1;
        if (text.Count == 0 || bytes > TextBlock - at)
        {
            text.Add(ArrayPool<byte>.Shared.Rent(TextBlock));
            at = 0;
        }

        Put(id, text[^1].AsSpan(at, bytes), narrow);
        textUsed = at + bytes;
        return new Entry(row, text.Count - 1, (ushort)at, (short)(narrow ? id.Length : -id.Length));
    }

    private static void Put(ReadOnlySpan<char> id, Span<byte> into, bool narrow)
    {
        if (narrow)
        {
            Encoding.Latin1.GetBytes(id, into);
        }
        else
        {
            MemoryMarshal.AsBytes(id).CopyTo(into);
        }
    }

    /// <summary>Whether the entry's ID equals <paramref name="id"/> but for case, compared on its characters as they were given.</summary>
    private bool Matches(in Entry entry, ReadOnlySpan<char> id) =>
        (entry.Offset == OwnBlock || Math.Abs(entry.Length) == id.Length) && CharsOf(entry).Equals(id, StringComparison.OrdinalIgnoreCase);

    /// <summary>The entry's characters: its own bytes when two a character, else widened into a scratch buffer valid until the next call.</summary>
    private ReadOnlySpan<char> CharsOf(in Entry entry)
    {
        var block = text[entry.Block];
        var bytes = entry.Offset == OwnBlock
            ? block.AsSpan()
            : block.AsSpan(entry.Offset, entry.Length < 0 ? -entry.Length * sizeof(char) : entry.Length);
        if (entry.Length < 0)
        {
            return MemoryMarshal.Cast<byte, char>(bytes);
        }

        if (scratch.Length < bytes.Length)
        {
            scratch = new char[Math.Max(bytes.Length, 64)];
        }

        var chars = scratch.AsSpan(0, bytes.Length);
        Encoding.Latin1.GetChars(bytes, chars);
        return chars;
    }

    private ref Entry EntryAt(int index) => ref entries[index / EntryBlock][index % EntryBlock];

    /// <summary>Gives the table and the blocks back to the shared pool; the set is not used after.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(slots);
        slots = [];
        foreach (var block in entries)
        {
            ArrayPool<Entry>.Shared.Return(block);
        }

        foreach (var block in text.Where(b => b.Length == TextBlock))
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        entries.Clear();
        text.Clear();
        count = 0;
    }

    /// <summary>Doubles the table, hashing each ID's text again: the slots' hash bits depend on the table's size.</summary>
    private void Grow()
    {
        var grown = Table(slots.Length * 2);
        for (var i = 0; i < count; i++)
        {
            var hash = HashOf(CharsOf(EntryAt(i)));
            Place(grown, (uint)(i + 1), hash);
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

    /// <summary>
    /// Puts entry <paramref name="number"/> (counted from 1, so below the table's size, which is more than the entries)
    /// in the first free slot from its hash, with the hash's bits above the table's size.
    /// </summary>
    private static void Place(int[] table, uint number, uint hash)
    {
        var mask = (uint)table.Length - 1;
        var slot = hash & mask;
        while (table[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        table[slot] = (int)((hash & ~mask) | number);
    }

    /// <summary>An ID's row and text: <see cref="Length"/> is its characters, negative when held two bytes a character (for a block of its own only the sign counts).</summary>
    private readonly record struct Entry(int Row, int Block, ushort Offset, short Length);
}

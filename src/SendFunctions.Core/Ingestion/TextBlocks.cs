using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Text held as bytes in blocks of 256 KB, each piece found by a <see cref="TextRef"/>: holding a drop's unique text (IDs,
/// names) this way keeps the garbage collector from tracing and moving an object per value. Text whose every character
/// is below U+0100 (almost all) is held a byte a character; other text as its UTF-16 code units, two bytes each. A piece
/// too long for a block gets a block of its own. The blocks come from the shared pool and go back to it, cleared, when
/// the text is disposed of: the next drop reuses them, where new memory costs a page fault for every 4 KB first written.
/// </summary>
internal sealed class TextBlocks : IDisposable
{
    private const int Block = 256 * 1024;
    private readonly List<byte[]> blocks = [];
    private int used = Block;
    private bool disposed;

    /// <summary>Copies <paramref name="text"/> in; an empty text takes no room.</summary>
    public TextRef Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        var narrow = !text.ContainsAnyExceptInRange('\0', '\u00FF');
        var bytes = narrow ? text.Length : text.Length * sizeof(char);
        var (block, offset) = Room(bytes);
        Put(text, blocks[block].AsSpan(offset, bytes), narrow);
        return new TextRef(block, offset, narrow ? text.Length : -text.Length);
    }

    /// <summary>Copies three texts in one after another, as one piece (read back in parts with <see cref="StringOf(TextRef, int, int)"/>).</summary>
    public TextRef Add(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        var length = first.Length + second.Length + third.Length;
        if (length == 0)
        {
            return default;
        }

        if (TryAddAscii(first, second, third, length) is { } ascii)
        {
            return ascii;
        }

        var narrow = !first.ContainsAnyExceptInRange('\0', '\u00FF') && !second.ContainsAnyExceptInRange('\0', '\u00FF') && !third.ContainsAnyExceptInRange('\0', '\u00FF');
        var width = narrow ? 1 : sizeof(char);
        var (block, offset) = Room(length * width);
        var into = blocks[block].AsSpan(offset, length * width);
        Put(first, into, narrow);
        Put(second, into[(first.Length * width)..], narrow);
        Put(third, into[((first.Length + second.Length) * width)..], narrow);
        return new TextRef(block, offset, narrow ? length : -length);
    }

    /// <summary>
    /// The common case, text all ASCII, checked and copied a byte a character in one pass over each part; null (and no
    /// room taken) when a part is not ASCII, which is then held as any other text.
    /// </summary>
    private TextRef? TryAddAscii(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int length)
    {
        if (length > Block)
        {
            return null;
        }

        var (blocksBefore, usedBefore) = (blocks.Count, used);
        var (block, offset) = Room(length);
        var into = blocks[block].AsSpan(offset, length);
        if (Ascii.FromUtf16(first, into, out _) == OperationStatus.Done
            && Ascii.FromUtf16(second, into[first.Length..], out _) == OperationStatus.Done
            && Ascii.FromUtf16(third, into[(first.Length + second.Length)..], out _) == OperationStatus.Done)
        {
            return new TextRef(block, offset, length);
        }

        // The room is given back; a block it began stays, empty, for the text that follows.
        used = blocks.Count == blocksBefore ? usedBefore : 0;
        return null;
    }

    /// <summary>A new string of the piece; empty for an empty one.</summary>
    public string StringOf(TextRef text) => StringOf(text, 0, Math.Abs(text.Length));

    /// <summary>A new string of <paramref name="length"/> characters of the piece from character <paramref name="start"/>; empty when that is none.</summary>
    public string StringOf(TextRef text, int start, int length)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (length == 0)
        {
            return string.Empty;
        }

        if (text.Length > 0)
        {
            return Encoding.Latin1.GetString(blocks[text.Block], text.Offset + start, length);
        }

        var bytes = blocks[text.Block].AsSpan(text.Offset + (start * sizeof(char)), length * sizeof(char));
        return string.Create(length, bytes, static (chars, held) => held.CopyTo(MemoryMarshal.AsBytes(chars)));
    }

    private static void Put(ReadOnlySpan<char> text, Span<byte> into, bool narrow)
    {
        if (narrow)
        {
            Encoding.Latin1.GetBytes(text, into);
        }
        else
        {
            MemoryMarshal.AsBytes(text).CopyTo(into);
        }
    }

    /// <summary>Clears the pooled blocks (they held the drop's text) and gives them back; no text can be read after.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var block in blocks.Where(b => b.Length == Block))
        {
            ArrayPool<byte>.Shared.Return(block, clearArray: true);
        }

        blocks.Clear();
    }

    private (int Block, int Offset) Room(int bytes)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (bytes > Block)
        {
            blocks.Add(new byte[bytes]);
            used = Block;
            return (blocks.Count - 1, 0);
        }

        if (bytes > Block - used)
        {
            blocks.Add(ArrayPool<byte>.Shared.Rent(Block));
            used = 0;
        }

        var at = used;
        used += bytes;
        return (blocks.Count - 1, at);
    }
}

/// <summary>Where a piece of text lies in a <see cref="TextBlocks"/>: its length in characters, negative when held two bytes a character; the default is the empty text.</summary>
internal readonly record struct TextRef(int Block, int Offset, int Length);

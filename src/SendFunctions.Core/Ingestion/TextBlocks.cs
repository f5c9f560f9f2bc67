using System.Runtime.InteropServices;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Text held as bytes in blocks of 64 KB, each piece found by a <see cref="TextRef"/>: holding a drop's unique text (IDs,
/// names) this way keeps the garbage collector from tracing and moving an object per value. Text whose every character
/// is below U+0100 (almost all) is held a byte a character; other text as its UTF-16 code units, two bytes each. A piece
/// too long for a block gets a block of its own.
/// </summary>
internal sealed class TextBlocks
{
    private const int Block = 64 * 1024;
    private readonly List<byte[]> blocks = [];
    private int used = Block;

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
        var into = blocks[block].AsSpan(offset, bytes);
        if (narrow)
        {
            Encoding.Latin1.GetBytes(text, into);
        }
        else
        {
            MemoryMarshal.AsBytes(text).CopyTo(into);
        }

        return new TextRef(block, offset, narrow ? text.Length : -text.Length);
    }

    /// <summary>A new string of the piece; empty for an empty one.</summary>
    public string StringOf(TextRef text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > 0)
        {
            return Encoding.Latin1.GetString(blocks[text.Block], text.Offset, text.Length);
        }

        var bytes = blocks[text.Block].AsSpan(text.Offset, -text.Length * sizeof(char));
        return string.Create(-text.Length, bytes, static (chars, held) => held.CopyTo(MemoryMarshal.AsBytes(chars)));
    }

    private (int Block, int Offset) Room(int bytes)
    {
        if (bytes > Block)
        {
            blocks.Add(new byte[bytes]);
            used = Block;
            return (blocks.Count - 1, 0);
        }

        if (bytes > Block - used)
        {
            blocks.Add(new byte[Block]);
            used = 0;
        }

        var at = used;
        used += bytes;
        return (blocks.Count - 1, at);
    }
}

/// <summary>Where a piece of text lies in a <see cref="TextBlocks"/>: its length in characters, negative when held two bytes a character; the default is the empty text.</summary>
internal readonly record struct TextRef(int Block, int Offset, int Length);

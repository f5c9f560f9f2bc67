namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Text held as characters in large blocks, each piece found by a <see cref="TextRef"/>: holding a drop's unique text
/// (IDs, names) this way keeps the garbage collector from tracing and moving an object per value. A piece too long for
/// a block gets a block of its own.
/// </summary>
internal sealed class TextBlocks
{
    private const int Block = 128 * 1024;
    private readonly List<char[]> blocks = [];
    private int used = Block;

    /// <summary>Copies <paramref name="text"/> in; an empty text takes no room.</summary>
    public TextRef Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        if (text.Length > Block)
        {
            blocks.Add(text.ToArray());
            used = Block;
            return new TextRef(blocks.Count - 1, 0, text.Length);
        }

        if (text.Length > Block - used)
        {
            blocks.Add(new char[Block]);
            used = 0;
        }

        var at = used;
        text.CopyTo(blocks[^1].AsSpan(at));
        used += text.Length;
        return new TextRef(blocks.Count - 1, at, text.Length);
    }

    public ReadOnlySpan<char> SpanOf(TextRef text) => text.Length == 0 ? [] : blocks[text.Block].AsSpan(text.Offset, text.Length);

    /// <summary>A new string of the piece; empty for an empty one.</summary>
    public string StringOf(TextRef text) => text.Length == 0 ? string.Empty : new string(SpanOf(text));
}

/// <summary>Where a piece of text lies in a <see cref="TextBlocks"/>; the default is the empty text.</summary>
internal readonly record struct TextRef(int Block, int Offset, int Length);

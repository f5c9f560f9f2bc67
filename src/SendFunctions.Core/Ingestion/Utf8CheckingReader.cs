using System.Buffers;
using System.Text.Unicode;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A CSV's bytes read as UTF-8 text, decoded straight into the parser's buffer and checked by the same step, so deciding
/// the encoding reads the file no second time and the text is not copied between buffers. A UTF-8 byte order mark at the
/// start is skipped, as <see cref="StreamReader"/> does. At the first byte that is not UTF-8 it stops giving text: the
/// file is then classified from all its bytes (<see cref="CsvEncoding"/>) and read again in its own encoding.
/// </summary>
internal sealed class Utf8CheckingReader(Stream content) : TextReader
{
    private readonly byte[] bytes = new byte[64 * 1024];
    private int start;
    private int end;
    private bool atEnd;
    private bool begun;

    /// <summary>True once a byte that is not UTF-8 has been read.</summary>
    public bool FoundInvalid { get; private set; }

    /// <summary>True when every byte has been read and all of them are UTF-8.</summary>
    public bool AllUtf8 => atEnd && start == end && !FoundInvalid;

    public override int Read()
    {
        Span<char> one = stackalloc char[2];
        var read = Read(one[..1]);
        return read == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        while (!FoundInvalid && !buffer.IsEmpty)
        {
            var status = Utf8.ToUtf16(bytes.AsSpan(start, end - start), buffer, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: atEnd);
            start += read;
            if (status == OperationStatus.InvalidData)
            {
                FoundInvalid = true;
            }

            if (written > 0)
            {
                return written;
            }

            if (status == OperationStatus.DestinationTooSmall)
            {
                // A room of one character, and a character that needs two: not a room the parser gives.
                throw new ArgumentException("The buffer is too small for the next character.", nameof(buffer));
            }

            if (atEnd)
            {
                return 0;
            }

            Fill();
        }

        return 0;
    }

    /// <summary>Moves the bytes not yet decoded (at most the start of one character) to the front and reads more after them.</summary>
    private void Fill()
    {
        var left = end - start;
        bytes.AsSpan(start, left).CopyTo(bytes);
        start = 0;
        end = left;
        do
        {
            var read = content.Read(bytes, end, bytes.Length - end);
            atEnd = read == 0;
            end += read;
        }
        while (!begun && !atEnd && end < 3);

        if (!begun)
        {
            begun = true;
            start = bytes.AsSpan(0, end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        }
    }
}

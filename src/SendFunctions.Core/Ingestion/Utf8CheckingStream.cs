using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A read-only view of a CSV's bytes that checks they are UTF-8 as they pass on to the text reader, so deciding the
/// encoding does not read the file a second time. Each read is checked up to its last byte that starts a character; the
/// bytes from there are carried and completed by the next read, so a character split between reads is checked whole.
/// Once a byte is not UTF-8 nothing more is checked: the file is then classified from all its bytes (<see cref="CsvEncoding"/>).
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly byte[] carry = new byte[4];
    private int carried;

    /// <summary>True when every byte has been read and all of them are UTF-8.</summary>
    public bool AllUtf8 => ReachedEnd && !SawInvalid;

    /// <summary>True once a byte that is not UTF-8 has been read.</summary>
    public bool FoundInvalid => SawInvalid;

    private bool ReachedEnd { get; set; }

    private bool SawInvalid { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (!SawInvalid && !ReachedEnd)
        {
            Check(buffer[..read]);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            // The end: the bytes carried must be whole characters (a character begun and never finished is not UTF-8).
            ReachedEnd = true;
            SawInvalid |= !Utf8.IsValid(carry.AsSpan(0, carried));
            return;
        }

        if (carried > 0)
        {
            Span<byte> joined = stackalloc byte[4];
            carry.AsSpan(0, carried).CopyTo(joined);
            var taken = Math.Min(joined.Length - carried, bytes.Length);
            bytes[..taken].CopyTo(joined[carried..]);
            switch (Rune.DecodeFromUtf8(joined[..(carried + taken)], out _, out var consumed))
            {
                case OperationStatus.Done when consumed < carried:
                    // A whole character followed by carried continuation bytes, which no character starts with.
                    SawInvalid = true;
                    return;
                case OperationStatus.Done:
                    bytes = bytes[(consumed - carried)..];
                    carried = 0;
                    break;
                case OperationStatus.NeedMoreData:
                    // Fewer bytes came than the character needs: all of them are carried on.
                    bytes.CopyTo(carry.AsSpan(carried));
                    carried += bytes.Length;
                    return;
                default:
                    SawInvalid = true;
                    return;
            }
        }

        var cut = bytes.Length;
        for (var back = 1; back <= 4 && back <= bytes.Length; back++)
        {
            if ((bytes[^back] & 0xC0) != 0x80)
            {
                cut = bytes.Length - back;
                break;
            }
        }

        if (!Utf8.IsValid(bytes[..cut]))
        {
            SawInvalid = true;
            return;
        }

        bytes[cut..].CopyTo(carry);
        carried = bytes.Length - cut;
    }
}

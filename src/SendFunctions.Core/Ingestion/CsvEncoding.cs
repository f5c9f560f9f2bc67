using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SendFunctions.Core.Ingestion;

/// <summary>How a CSV's bytes are text: UTF-8; Windows-1252 (Excel's UK "CSV"); or mostly UTF-8 with a few bytes of another encoding.</summary>
internal enum CsvTextKind
{
    Utf8,
    Windows1252,
    Mixed,
}

/// <summary>How a CSV's encoding is decided when it is opened.</summary>
internal enum CsvReading
{
    /// <summary>From every byte of the file, read once for that before it is parsed.</summary>
    Classified,

    /// <summary>Read as UTF-8 while its bytes are checked; the reader says whether they all were (<see cref="CsvTableSource.EncodingSettled"/>).</summary>
    CheckedAsRead,

    /// <summary>Already decided: UTF-8.</summary>
    Utf8,

    /// <summary>Already decided: Windows-1252.</summary>
    Windows1252,

    /// <summary>Already decided: mostly UTF-8 with some bytes of another encoding.</summary>
    Mixed,
}

/// <summary>Decides the encoding from every byte of the file, not a sample, so a single pound sign late in the file is seen.</summary>
internal static class CsvEncoding
{
    private const int ChunkBytes = 256 * 1024;

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The reading of a file whose encoding is already decided as <paramref name="kind"/>.</summary>
    public static CsvReading Decided(CsvTextKind kind) => kind switch
    {
        CsvTextKind.Windows1252 => CsvReading.Windows1252,
        CsvTextKind.Mixed => CsvReading.Mixed,
        _ => CsvReading.Utf8,
    };

    public static CsvTextKind Classify(Stream content)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        try
        {
            return IsUtf8(content, bytes) ? CsvTextKind.Utf8 : ClassifyNonUtf8(content, bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            content.Position = 0;
        }
    }

    /// <summary>
    /// The fast path: the vectorised validator over the whole file, chunk by chunk. Each chunk is cut before its last byte
    /// that starts a character (a character never starts with a continuation byte, so the cut is between characters in
    /// valid UTF-8), and the bytes from there are carried into the next chunk.
    /// </summary>
    private static bool IsUtf8(Stream content, byte[] bytes)
    {
        content.Position = 0;
        var carried = 0;
        while (true)
        {
            var read = content.Read(bytes, carried, ChunkBytes);
            var available = carried + read;
            if (read == 0)
            {
                return Utf8.IsValid(bytes.AsSpan(0, available));
            }

            var cut = available;
            for (var back = 1; back <= 4 && available - back >= 0; back++)
            {
                if ((bytes[available - back] & 0xC0) != 0x80)
                {
                    cut = available - back;
                    break;
                }
            }

            if (!Utf8.IsValid(bytes.AsSpan(0, cut)))
            {
                return false;
            }

            carried = available - cut;
            bytes.AsSpan(cut, carried).CopyTo(bytes);
        }
    }

    /// <summary>Wholly Windows-1252 when no byte sequence is valid multi-byte UTF-8; mixed when some are and some are not.</summary>
    private static CsvTextKind ClassifyNonUtf8(Stream content, byte[] bytes)
    {
        content.Position = 0;
        long validMultiByte = 0;
        var carried = 0;
        while (true)
        {
            var read = content.Read(bytes, carried, ChunkBytes);
            var available = carried + read;
            var span = bytes.AsSpan(0, available);
            var i = 0;
            while (i < span.Length)
            {
                var ascii = span[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (ascii < 0)
                {
                    i = span.Length;
                    break;
                }

                i += ascii;
                var status = Rune.DecodeFromUtf8(span[i..], out _, out var consumed);
                if (status == OperationStatus.NeedMoreData && read > 0)
                {
                    break;
                }

                validMultiByte += status == OperationStatus.Done ? 1 : 0;
                i += Math.Max(1, consumed);
            }

            if (read == 0)
            {
                return validMultiByte > 0 ? CsvTextKind.Mixed : CsvTextKind.Windows1252;
            }

            carried = available - i;
            bytes.AsSpan(i, carried).CopyTo(bytes);
        }
    }
}

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

/// <summary>Decides the encoding from every byte of the file, not a sample, so a single pound sign late in the file is seen.</summary>
internal static class CsvEncoding
{
    private const int ChunkBytes = 256 * 1024;

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static CsvTextKind Classify(Stream content)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        try
        {
            return IsUtf8(content, bytes, chars) ? CsvTextKind.Utf8 : ClassifyNonUtf8(content, bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
            content.Position = 0;
        }
    }

    /// <summary>The fast path: the vectorised transcoder over the whole file, a few bytes carried between chunks.</summary>
    private static bool IsUtf8(Stream content, byte[] bytes, char[] chars)
    {
        content.Position = 0;
        var carried = 0;
        while (true)
        {
            var read = content.Read(bytes, carried, ChunkBytes);
            var available = carried + read;
            var final = read == 0;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            if (status == OperationStatus.InvalidData)
            {
                return false;
            }

            if (final)
            {
                return status == OperationStatus.Done;
            }

            carried = available - consumed;
            bytes.AsSpan(consumed, carried).CopyTo(bytes);
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

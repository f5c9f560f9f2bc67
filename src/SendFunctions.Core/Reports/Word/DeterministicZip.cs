using System.IO.Compression;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// Rewrites an Open XML package so equal content gives equal bytes: entries in ordinal name order (which puts
/// <c>[Content_Types].xml</c> first, as Office does), every entry stamped with the same time, no file attributes.
/// The packaging library stamps entries with the clock, which would make every render differ.
/// </summary>
internal static class DeterministicZip
{
    public static byte[] Rewrite(byte[] package, DateTimeOffset stamp)
    {
        // Zip times are local wall-clock times with two-second steps and no zone; the stamp's own date and time are used.
        var time = new DateTimeOffset(Math.Max(stamp.Year, 1980), stamp.Month, stamp.Day, stamp.Hour, stamp.Minute, stamp.Second / 2 * 2, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var source in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(source.FullName, CompressionLevel.Optimal);
                entry.LastWriteTime = time;
                entry.ExternalAttributes = 0;
                using var from = source.Open();
                using var to = entry.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}

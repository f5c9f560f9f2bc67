using FsCheck;
using FsCheck.Fluent;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion.Hostile;

/// <summary>
/// Issue 17 item 4: the sample drops mutated (bytes flipped, cut short, rows shuffled, a header edited) never make the
/// validator throw; every file gets a report, and an accepted one holds as many rows as it says.
/// </summary>
public sealed class DropMutationTests
{
    private static readonly List<(DropPath Drop, byte[] Bytes)> Samples = Directory
        .EnumerateFiles(Path.Combine(Repository.Samples, "drops"), "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(file => (DropPath.Parse($"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}").Drop!, File.ReadAllBytes(file)))
        .ToList();

    [Fact]
    public void Validate_MutatedSamples_NeverThrow()
    {
        var mutation =
            from sample in Gen.Choose(0, Samples.Count - 1)
            from kind in Gen.Choose(0, 3)
            from position in Gen.Choose(0, int.MaxValue)
            from value in Gen.Choose(0, 255)
            from count in Gen.Choose(1, 8)
            select (sample, kind, position, value, count);

        var property = Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var (drop, original) = Samples[m.sample];
            var bytes = Mutate(original, drop.Format, m.kind, m.position, m.value, m.count);
            var result = Drops.Validate(drop, bytes);
            return result.Report is not null && (!result.Valid || result.Data!.Count == result.Report.Rows || result.Data.Count <= result.Report.Rows);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    private static byte[] Mutate(byte[] original, FileFormat format, int kind, int position, int value, int count)
    {
        var bytes = (byte[])original.Clone();
        switch (kind)
        {
            case 0: // byte flips
                for (var i = 0; i < count; i++)
                {
                    bytes[(position + (i * 7919)) % bytes.Length] ^= (byte)(value | 1);
                }

                return bytes;
            case 1: // truncation
                return bytes[..(position % bytes.Length)];
            case 2 when format == FileFormat.Csv: // row shuffle
                var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
                var shuffled = lines.Skip(1).OrderBy(l => HashCode.Combine(l, position)).Prepend(lines[0]);
                return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', shuffled));
            case 3 when format == FileFormat.Csv: // header edit
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                var end = text.IndexOf('\n', StringComparison.Ordinal);
                var header = end < 0 ? text : text[..end];
                var cut = position % Math.Max(1, header.Length);
                return System.Text.Encoding.UTF8.GetBytes(header[..cut] + (char)(value % 2 == 0 ? ',' : '"') + header[cut..] + (end < 0 ? string.Empty : text[end..]));
            default: // workbooks: a stretch of bytes overwritten inside the zip
                for (var i = 0; i < count * 16; i++)
                {
                    bytes[(position + i) % bytes.Length] = (byte)(value + i);
                }

                return bytes;
        }
    }
}

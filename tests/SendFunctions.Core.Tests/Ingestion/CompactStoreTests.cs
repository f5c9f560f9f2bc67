using System.Text;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>The compact structures behind validation: the duplicate-ID set, the held rows and the encoding check's chunks.</summary>
public sealed class CompactStoreTests
{
    [Fact]
    public void IdSetTryAdd_SameIdInAnotherCase_GivesTheFirstRow()
    {
        var ids = new IdSet(4);

        Assert.True(ids.TryAdd("WS1-01", 2, out _));
        Assert.True(ids.TryAdd("WS1-02", 3, out _));
        Assert.False(ids.TryAdd("ws1-01", 7, out var first));

        Assert.Equal(2, first);
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public void IdSetTryAdd_ManyIdsPastTheSizeGiven_FindsEveryOne()
    {
        var ids = new IdSet(8);
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(ids.TryAdd($"M{i:D6}", i + 2, out _));
        }

        for (var i = 0; i < 50_000; i += 997)
        {
            Assert.False(ids.TryAdd($"m{i:D6}", 1, out var first));
            Assert.Equal(i + 2, first);
        }

        Assert.Equal(50_000, ids.Count);
    }

    [Fact]
    public void IdSetTryAdd_IdsLongerThanABlock_AreComparedWhole()
    {
        var ids = new IdSet(4);
        var longId = new string('A', 40_000);
        var almost = new string('A', 39_999) + "B";

        Assert.True(ids.TryAdd("short", 2, out _));
        Assert.True(ids.TryAdd(longId, 3, out _));
        Assert.True(ids.TryAdd(almost, 4, out _));
        Assert.True(ids.TryAdd(string.Empty, 5, out _));
        Assert.False(ids.TryAdd(longId.ToLowerInvariant(), 6, out var first));
        Assert.False(ids.TryAdd("SHORT", 7, out var firstShort));

        Assert.Equal(3, first);
        Assert.Equal(2, firstShort);
    }

    [Theory]
    [InlineData("id-\u00e9", "ID-\u00c9")]
    [InlineData("id-\u00ff", "ID-\u0178")]
    [InlineData("ID-\u0178", "id-\u00ff")]
    [InlineData("id-\u017f", "ID-S")]
    [InlineData("ID-S", "id-\u017f")]
    [InlineData("id-\u0131", "ID-I")]
    [InlineData("id-k", "ID-\u212a")]
    [InlineData("id-\u00df", "ID-SS")]
    [InlineData("id-\u00b5", "ID-\u039c")]
    [InlineData("\u03c9-\u00e9", "\u03a9-\u00c9")]
    [InlineData("id-\u00e9", "id-e")]
    public void IdSetTryAdd_CaseVariantsAroundU0100_AgreeWithOrdinalIgnoreCase(string first, string second)
    {
        var ids = new IdSet(4);
        Assert.True(ids.TryAdd(first, 2, out _));

        var added = ids.TryAdd(second, 3, out var row);

        Assert.Equal(!string.Equals(first, second, StringComparison.OrdinalIgnoreCase), added);
        Assert.Equal(added ? 3 : 2, row);
    }

    [Fact]
    public void IdSetTryAdd_WideAndNarrowIdsPastManyDoublings_FindsEveryOneInAnotherCase()
    {
        var ids = new IdSet(8);
        for (var i = 0; i < 30_000; i++)
        {
            // Odd lengths between wide ones, so wide text starts at odd offsets unless aligned.
            Assert.True(ids.TryAdd(i % 3 == 0 ? $"\u03a9{i}" : $"x{i}", i + 2, out _));
        }

        for (var i = 0; i < 30_000; i += 7)
        {
            Assert.False(ids.TryAdd(i % 3 == 0 ? $"\u03c9{i}" : $"X{i}", 1, out var first));
            Assert.Equal(i + 2, first);
            Assert.True(ids.TryAdd(i % 3 == 0 ? $"x{i}" : $"\u03c9{i}", 1, out _));
        }
    }

    [Fact]
    public void IdSetTryAdd_IdsAroundABlocksLength_AreComparedWhole()
    {
        var ids = new IdSet(4);
        var fits = new string('a', (32 * 1024) - 1);
        var fills = new string('a', 32 * 1024);
        var wide = new string('\u03a9', 20_000);

        Assert.True(ids.TryAdd("x", 2, out _));
        Assert.True(ids.TryAdd(fits, 3, out _));
        Assert.True(ids.TryAdd(fills, 4, out _));
        Assert.True(ids.TryAdd(wide, 5, out _));
        Assert.True(ids.TryAdd(wide[1..] + "\u03a8", 6, out _));

        Assert.False(ids.TryAdd(fits.ToUpperInvariant(), 7, out var firstFits));
        Assert.False(ids.TryAdd(fills.ToUpperInvariant(), 8, out var firstFills));
        Assert.False(ids.TryAdd(wide.ToLowerInvariant(), 9, out var firstWide));
        Assert.Equal((3, 4, 5), (firstFits, firstFills, firstWide));
        Assert.Equal(5, ids.Count);
    }

    [Fact]
    public void IdSetBytesHeld_100kSevenCharacterIds_AboutThirtyBytesARowByTheLayout()
    {
        const int rows = 100_000;
        var text = new char[rows * 7];
        for (var i = 0; i < rows; i++)
        {
            $"M{i:D6}".CopyTo(text.AsSpan(i * 7));
        }

        // Sized as the validator sizes it for a 100k-row metrics file (11.5 MB, one row per 64 bytes).
        using var ids = new IdSet(180_000);
        for (var i = 0; i < rows; i++)
        {
            ids.TryAdd(text.AsSpan(i * 7, 7), i + 2, out _);
        }

        // By the layout: 7 bytes of text, a 12-byte entry and 262,144 four-byte slots, about 30 bytes a row.
        Assert.InRange(ids.BytesHeld / (double)rows, 29.0, 31.0);
        Assert.Equal(rows, ids.Count);
    }

    [Fact]
    public void IdSetPrefetch_AnyId_ChangesNothing()
    {
        using var ids = new IdSet(16);
        Assert.True(ids.TryAdd("M1", 2, out _));
        foreach (var id in new[] { string.Empty, "M1", "m1", "M2", new string('x', 100_000), "Café €" })
        {
            ids.Prefetch(id);
        }

        Assert.False(ids.TryAdd("m1", 3, out var first));
        Assert.Equal(2, first);
        Assert.True(ids.TryAdd("M2", 4, out _));
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public void RowListAdd_PastOneBlock_KeepsOrderAndIndexes()
    {
        var rows = new RowList<string>();
        for (var i = 0; i < 10_000; i++)
        {
            rows.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(10_000, rows.Count);
        Assert.Equal("4096", rows[4096]);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[10_000]);
    }

    [Fact]
    public void TextBlocksAdd_PastABlockAndLongerThanOne_GivesEachTextBack()
    {
        var text = new TextBlocks();
        var pieces = Enumerable.Range(0, 20_000).Select(i => $"EHCPs issued within 20 weeks, measure {i}").ToList();
        pieces.Insert(5_000, new string('x', 200_000));
        pieces.Insert(6_000, string.Empty);
        pieces.Insert(7_000, "Café £37, €40 😀 \uD800 end");
        pieces.Insert(7_001, "Café £37");
        pieces.Insert(7_002, new string('€', 40_000));

        var refs = pieces.Select(p => text.Add(p)).ToList();

        Assert.Equal(pieces, refs.Select(text.StringOf));
        Assert.Equal(pieces[6_000], text.StringOf(default));
    }

    [Theory]
    [InlineData("M000123", "EHCPs issued", "On track")]
    [InlineData("M1", "Spend £", "")]
    [InlineData("", "Spend €40", "Up 😀")]
    public void TextBlocksAddThree_ReadInParts_GivesEachTextBack(string first, string second, string third)
    {
        var text = new TextBlocks();
        text.Add("filler");

        var held = text.Add(first, second, third);

        Assert.Equal(first + second + third, text.StringOf(held));
        Assert.Equal(
            (first, second, third),
            (text.StringOf(held, 0, first.Length), text.StringOf(held, first.Length, second.Length), text.StringOf(held, first.Length + second.Length, third.Length)));
    }

    [Fact]
    public void ValidateMetrics_RowsKept_ReadAsTheRecordsOfTheirCells()
    {
        var result = Drops.ValidateCsv(
            Dataset.Metrics,
            Drops.MetricHeader + ",Commentary",
            "EHCP20,\"EHCPs issued\u200B within 20 weeks, all ages\",EHCP,%,Higher is better,37%,2024-12,58,22,On track",
            "EHCP21, Plans reviewed ,EHCP,weeks,lower,12,,,,",
            "EHCP22,Plans issued,EHCP,£,Higher is better,\"£1,100,000\",2025-01,58,22,\"Up, as planned\"");

        var rows = Assert.IsType<DatasetRows<MetricReading>>(result.Data).Items;

        Assert.Equal(
            [
                new MetricReading("EHCP20", "EHCPs issued within 20 weeks, all ages", "EHCP", MetricUnit.Percent, Polarity.Higher, 37m, ReportingPeriod.Of(2024, 12), 58m, 22m) { Commentary = "On track" },
                new MetricReading("EHCP21", "Plans reviewed", "EHCP", MetricUnit.Weeks, Polarity.Lower, 12m, Drops.January2025, null, null),
                new MetricReading("EHCP22", "Plans issued", "EHCP", MetricUnit.Pounds, Polarity.Higher, 1_100_000m, Drops.January2025, 58m, 22m) { Commentary = "Up, as planned" },
            ],
            rows);
        Assert.Equal(rows[1], rows.ElementAt(1));
        Assert.Same(rows[0].Area, rows[2].Area);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = rows[3]);
    }

    [Fact]
    public void ValidateMetrics_Disposed_RowsCannotBeReadAndTheNextDropReadsItsOwn()
    {
        var first = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(id: "FIRST1"), Drops.Metric(id: "FIRST2"));
        var firstRows = Assert.IsType<DatasetRows<MetricReading>>(first.Data).Items;
        Assert.Equal("FIRST2", firstRows[1].Id);

        first.Dispose();
        first.Dispose();

        Assert.Throws<ObjectDisposedException>(() => firstRows[0]);
        Assert.Throws<ObjectDisposedException>(() => firstRows.Count);
        Assert.Throws<ObjectDisposedException>(() => firstRows.ToList());

        // The next drop's rows may sit in the blocks the first gave back: they read as their own, nothing of the first.
        using var second = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(id: "SECOND"));
        var secondRows = Assert.IsType<DatasetRows<MetricReading>>(second.Data).Items;
        Assert.Equal(["SECOND"], secondRows.Select(r => r.Id));
    }

    [Fact]
    public void TextBlocksDispose_TextCannotBeReadAfter()
    {
        var text = new TextBlocks();
        var held = text.Add("M000123");

        text.Dispose();

        Assert.Throws<ObjectDisposedException>(() => text.StringOf(held));
        Assert.Throws<ObjectDisposedException>(() => text.Add("M000124"));
    }

    [Theory]
    [InlineData(256 * 1024, -2)]
    [InlineData(256 * 1024, -1)]
    [InlineData(256 * 1024, 0)]
    [InlineData(256 * 1024, 1)]
    [InlineData(64 * 1024, -2)]
    [InlineData(64 * 1024, -1)]
    [InlineData(64 * 1024, 0)]
    [InlineData(64 * 1024, 1)]
    public void Validate_PoundSignAcrossAChunkBoundary_IsReadAsUtf8(int Chunk, int offset)
    {
        // The encoding check reads 256 KB at a time, the check as the file is parsed 64 KB: a £ (two bytes) at or across
        // either cut must not make the file look mixed.
        var text = new StringBuilder(Drops.MetricHeader).Append("\r\n");
        var row = 0;
        while (text.Length < Chunk - 200)
        {
            text.Append(Drops.Metric(id: $"M{row++}")).Append("\r\n");
        }

        var before = $"M{row},EHCPs within 20 weeks ";
        var pad = Chunk + offset - text.Length - before.Length - ",EHCP,count,Higher is better,".Length;
        text.Append(before).Append('x', pad).Append(",EHCP,count,Higher is better,£37,2025-01,58,22\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.Equal(0xC2, bytes[Chunk + offset]);

        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Metrics, FileFormat.Csv), bytes);

        Assert.Equal(CsvTextKind.Utf8, CsvEncoding.Classify(new MemoryStream(bytes)));
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Utf8CheckingReaderRead_AnySizeOfRead_AgreesWithTheWholeFile()
    {
        byte[][] files =
        [
            "plain"u8.ToArray(), "£1,100 café 😀 ok"u8.ToArray(), [0xEF, 0xBB, 0xBF, 0x41, 0xC2, 0xA3], [0x41, 0xEF, 0xBB, 0xBF], [0x41, 0xC2],
            [0x41, 0xA3, 0x42], [0xC2, 0xA3, 0xA3, 0x41], [0xE2, 0x82, 0xAC], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x98, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xEF, 0xBB], [],
        ];
        foreach (var bytes in files)
        {
            for (var size = 1; size <= 8; size++)
            {
                var reader = new Utf8CheckingReader(new TrickleStream(bytes, size));
                var text = new StringBuilder();
                var buffer = new char[Math.Max(2, size)];
                for (var read = reader.Read(buffer, 0, buffer.Length); read > 0; read = reader.Read(buffer, 0, buffer.Length))
                {
                    text.Append(buffer, 0, read);
                }

                var valid = System.Text.Unicode.Utf8.IsValid(bytes);
                Assert.True(valid == reader.AllUtf8, $"{Convert.ToHexString(bytes)} read {size} at a time");
                if (valid)
                {
                    Assert.Equal(new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), true).ReadToEnd(), text.ToString());
                }
            }
        }
    }

    [Fact]
    public void Validate_Windows1252PoundFarIntoTheFile_IsReadAgainAsWindows1252()
    {
        // The first reading stops at the pound sign, past the first read of 64 KB; the file is then read again as Windows-1252.
        var text = new StringBuilder(Drops.MetricHeader).Append("\r\n");
        for (var row = 0; row < 3_000; row++)
        {
            text.Append(Drops.Metric(id: $"M{row}")).Append("\r\n");
        }

        text.Append(Drops.Metric(id: "SPEND £")).Append("\r\n").Append(Drops.Metric(id: "M0")).Append("\r\n");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text.ToString());

        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Metrics, FileFormat.Csv), bytes);

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal((IssueCode.DuplicateId, 3_003), (error.Code, error.Row));
        Assert.Equal(3_002, result.Report.Rows);
    }

    [Fact]
    public void Validate_Utf8WithAWindows1252ByteFarIntoTheFile_IsMixedOnThatRowOnly()
    {
        var text = new StringBuilder(Drops.MetricHeader).Append("\r\n").Append(Drops.Metric(id: "Café")).Append("\r\n");
        for (var row = 0; row < 3_000; row++)
        {
            text.Append(Drops.Metric(id: $"M{row}")).Append("\r\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.ToString()), .. CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Drops.Metric(id: "SPEND £") + "\r\n")];

        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Metrics, FileFormat.Csv), bytes);

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.MixedEncoding, error.Code);
        Assert.Contains("on row 3003,", error.Message, StringComparison.Ordinal);
        Assert.Equal(3_002, result.Report.Rows);
    }

    /// <summary>A stream that gives at most a few bytes a read, as a network stream may: the reader must not assume full reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);
    }
}

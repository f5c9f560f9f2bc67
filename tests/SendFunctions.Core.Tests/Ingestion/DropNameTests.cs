using SendFunctions.Core.Display;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class DropNameTests
{
    [Theory]
    [InlineData("2025-01/milestones.csv", true)]
    [InlineData("2025-01/../x.csv", false)]
    [InlineData("../../x.csv", false)]
    [InlineData("2025-01/./milestones.csv", false)]
    [InlineData("2025-01\\milestones.csv", false)]
    [InlineData("2025-01/mile%2Fstones.csv", false)]
    [InlineData("2025-01/milestones.csv\nforged", false)]
    [InlineData("2025-01/a..b.csv", true)]
    public void IsScannable_Name_IsWhetherEveryClientAddressesItAsItself(string name, bool scannable) =>
        Assert.Equal(scannable, DropName.IsScannable(name));

    [Theory]
    [InlineData("2025-01/../x.csv", "2025-01/~2E~2E/x.csv")]
    [InlineData("../../x.csv", "~2E~2E/~2E~2E/x.csv")]
    [InlineData("2025-01/\u202Evsc.senotselim", "2025-01/~E2~80~AEvsc.senotselim")]
    [InlineData("2025-01/a~b%c.csv", "2025-01/a~7Eb~25c.csv")]
    [InlineData("2031-13/budget.csv", "2031-13/budget.csv")]
    public void Encode_Name_HasNoDotSegmentsAndKeepsEveryCharacter(string name, string encoded)
    {
        Assert.Equal(encoded, DropName.Encode(name));
        Assert.True(DropName.IsScannable(DropName.Encode(name)));
    }

    [Fact]
    public void UnrecognisedArchiveName_NameWithDotDot_StaysInsideItsStampFolder()
    {
        var name = StorageLayout.UnrecognisedArchiveName("2025-01/../../x.csv", new DateTimeOffset(2025, 2, 3, 9, 15, 0, TimeSpan.Zero), "\"0x8D\"");

        Assert.Equal("_unrecognised/20250203T091500000Z-0x8D/2025-01/~2E~2E/~2E~2E/x.csv", name);
    }

    [Fact]
    public void SetAsideName_UnscannableName_IsOneScannableSegmentThatIsNoDrop()
    {
        var aside = DropName.SetAsideName("../../x.csv", "20250203T091500000Z-0x8D");

        Assert.Equal("_set-aside/20250203T091500000Z-0x8D/~2E~2E~2F~2E~2E~2Fx.csv", aside);
        Assert.True(DropName.IsScannable(aside));
        Assert.Null(DropPath.Parse(aside).Drop);
    }

    [Theory]
    [InlineData("2025-01/\u202Evsc.senotselim", "2025-01/[U+202E]vsc.senotselim")]
    [InlineData("2025-01/milestones.csv\r\nIngestDrop Accepted", "2025-01/milestones.csv[U+000D][U+000A]IngestDrop Accepted")]
    [InlineData("2025-01/mile\u200Bstones.csv", "2025-01/mile[U+200B]stones.csv")]
    [InlineData("Réunion £5", "Réunion £5")]
    public void PrintableOf_ControlAndBidiCharacters_AreShownAsMarks(string text, string shown) =>
        Assert.Equal(shown, Printable.Of(text));

    [Fact]
    public void Parse_NameWithRightToLeftOverride_MessageShowsTheOverride()
    {
        var error = DropPath.Parse("2025-01/\u202Evsc.senotselim").Error!;

        Assert.Contains("[U+202E]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', error.Message);
        Assert.DoesNotContain('\u202E', error.Value!);
    }
}

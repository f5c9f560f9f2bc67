using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class SupersessionTests
{
    private static readonly DateTimeOffset Second = new(2025, 2, 3, 9, 15, 0, TimeSpan.Zero);

    private static DropSource Upload(string etag, double seconds) => new("drops/2025-01/milestones.csv", $"archive/{etag}", etag, Second.AddSeconds(seconds));

    [Fact]
    public void Replaces_LaterSecond_Replaces() => Assert.True(Supersession.Replaces(Upload("0xA", 0), false, Upload("0xB", 1), false));

    [Fact]
    public void Replaces_EarlierSecondProcessedLater_DoesNotReplace() => Assert.False(Supersession.Replaces(Upload("0xB", 1), false, Upload("0xA", 0), true));

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public void Replaces_SameSecond_TheUploadStillInDropsWinsWhicheverCameFirst(bool currentStill, bool incomingStill, bool replaces)
    {
        Assert.Equal(replaces, Supersession.Replaces(Upload("0xA", 0.2), currentStill, Upload("0xB", 0.7), incomingStill));
        Assert.Equal(!replaces, Supersession.Replaces(Upload("0xB", 0.7), incomingStill, Upload("0xA", 0.2), currentStill));
    }

    [Fact]
    public void Replaces_SameSecondBothStillThere_IsTheSameChoiceInEitherOrder() =>
        Assert.NotEqual(Supersession.Replaces(Upload("0xA", 0), true, Upload("0xB", 0), true), Supersession.Replaces(Upload("0xB", 0), true, Upload("0xA", 0), true));

    [Fact]
    public void Replaces_SameUpload_DoesNotReplace() => Assert.False(Supersession.Replaces(Upload("0xA", 0), true, Upload("0xA", 0), true));
}

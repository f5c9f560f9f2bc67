using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Status;

public sealed class ReturnHistoryTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset At(int day, int hour = 9) => new(2025, 7, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_NoUploads_IsMissing() =>
        Assert.Equal(DatasetState.Missing, ReturnHistory.Of(Dataset.Actions, [], null, London).State);

    [Fact]
    public void Of_OnlyRejectedUploads_IsRejectedOnTheDayOfTheLatest()
    {
        var result = ReturnHistory.Of(Dataset.Metrics, [new(At(3), false), new(At(7), false)], null, London);

        Assert.Equal(DatasetState.Rejected, result.State);
        Assert.Equal(new DateOnly(2025, 7, 7), result.RejectedUploadOn);
    }

    [Fact]
    public void Of_AcceptedThenSupersededThenACorrectionRejected_CarriesAllThreeDays()
    {
        var uploads = new ReturnUpload[] { new(At(2), true), new(At(4), false), new(At(5), true), new(At(8), false) };

        var result = ReturnHistory.Of(Dataset.Milestones, uploads, At(5), London);

        Assert.Equal(DatasetState.Accepted, result.State);
        Assert.Equal(new DateOnly(2025, 7, 5), result.AcceptedUploadOn);
        Assert.Equal(new DateOnly(2025, 7, 2), result.SupersededUploadOn);
        Assert.Equal(new DateOnly(2025, 7, 8), result.RejectedUploadOn);
    }

    [Fact]
    public void Of_UploadAtUtcLateEveningInSummer_IsToldOnTheNextDayInLondon() =>
        Assert.Equal(new DateOnly(2025, 7, 4), ReturnHistory.Of(Dataset.Actions, [new(At(3, 23), true)], At(3, 23), London).AcceptedUploadOn);
}

using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Periods;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025-01", 2025, 1, "2025-01-31")]
    [InlineData("2024-02", 2024, 2, "2024-02-29")]
    [InlineData("2025-02", 2025, 2, "2025-02-28")]
    [InlineData("2024-12", 2024, 12, "2024-12-31")]
    public void TryParse_ValidPeriod_HasLastDayAsOf(string text, int year, int month, string asOf)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(year, period.Year);
        Assert.Equal(month, period.Month);
        Assert.Equal(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), period.AsOf);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("25-01")]
    [InlineData("2025/01")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("２０２５-01")]
    public void TryParse_Malformed_IsRefused(string? text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Fact]
    public void AddMonths_AcrossYearEnd_RollsTheYear()
    {
        Assert.Equal(ReportingPeriod.Of(2025, 1), ReportingPeriod.Of(2024, 12).Next);
        Assert.Equal(ReportingPeriod.Of(2024, 12), ReportingPeriod.Of(2025, 1).Previous);
        Assert.Equal(2, ReportingPeriod.Of(2025, 1).MonthsSince(ReportingPeriod.Of(2024, 11)));
    }

    [Fact]
    public void ToLongName_IsBritishMonthName() => Assert.Equal("January 2025", ReportingPeriod.Of(2025, 1).ToLongName());
}

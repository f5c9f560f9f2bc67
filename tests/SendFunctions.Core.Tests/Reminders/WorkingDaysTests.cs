using SendFunctions.Core.Reminders;
using static SendFunctions.Core.Tests.Milestones.MilestoneRulesTests;

namespace SendFunctions.Core.Tests.Reminders;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2019, "2019-04-21")]
    public void EasterSunday_IsTheChurchDate(int year, string expected) => Assert.Equal(Date(expected), WorkingDays.EasterSunday(year));

    [Fact]
    public void BankHolidays_2025_AreTheEnglandAndWalesDates()
    {
        string[] expected = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"];
        Assert.Equal(expected.Select(Date).Order(), WorkingDays.BankHolidays(2025).Order());
    }

    [Theory]
    [InlineData(2021, "2021-12-27", "2021-12-28")] // Christmas Saturday, Boxing Day Sunday
    [InlineData(2020, "2020-12-25", "2020-12-28")] // Boxing Day Saturday
    [InlineData(2022, "2022-12-27", "2022-12-26")] // Christmas Sunday: substitute on the Tuesday
    public void BankHolidays_ChristmasAtAWeekend_HasSubstituteDays(int year, string first, string second)
    {
        var days = WorkingDays.BankHolidays(year);
        Assert.Contains(Date(first), days);
        Assert.Contains(Date(second), days);
    }

    [Fact]
    public void BankHolidays_NewYearOnSaturday_MovesToMonday() => Assert.Contains(Date("2022-01-03"), WorkingDays.BankHolidays(2022));

    [Theory]
    [InlineData(2025, 1, 5, "2025-01-08")] // New Year's Day is not a working day
    [InlineData(2025, 1, 3, "2025-01-06")] // across the first weekend
    [InlineData(2025, 5, 1, "2025-05-01")]
    [InlineData(2025, 5, 3, "2025-05-06")] // early May bank holiday
    [InlineData(2025, 3, 1, "2025-03-03")] // the 1st is a Saturday
    public void NthWorkingDay_SkipsWeekendsAndBankHolidays(int year, int month, int n, string expected) =>
        Assert.Equal(Date(expected), new WorkingDays().NthWorkingDay(year, month, n));

    [Fact]
    public void WorkingDaysBefore_AcrossAHolidayAndYearEnd_CountsOnlyWorkingDays() =>
        Assert.Equal(Date("2024-12-31"), new WorkingDays().WorkingDaysBefore(Date("2025-01-06"), 3)); // 3 Jan, 2 Jan, 31 Dec

    [Fact]
    public void ExtraHoliday_FromConfiguration_IsNotAWorkingDay() =>
        Assert.False(new WorkingDays([Date("2023-05-08")]).IsWorkingDay(Date("2023-05-08")));
}

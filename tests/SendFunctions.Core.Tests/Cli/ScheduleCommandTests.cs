using System.Text.Json;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Cli;

/// <summary>sendfx schedule on the sample configuration: the three boards' papers from their calendars.</summary>
public sealed class ScheduleCommandTests
{
    private static readonly string Config = Path.Combine(Repository.Samples, "config", "reporting.json");

    [Fact]
    public async Task Schedule_Json_HwbBoardInMarchCoversDecemberAndJanuary()
    {
        var (exit, output, error) = await Sendfx.RunAsync("schedule", "--config", Config, "--from", "2025-03-01", "--to", "2025-03-31", "--json");

        Assert.True(exit == 0, error);
        var papers = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var hwb = Assert.Single(papers, p => p.GetProperty("report").GetString() == "hwb-board");
        Assert.Equal("2025-03-13", hwb.GetProperty("meeting").GetString());
        Assert.Equal("2025-02-27", hwb.GetProperty("draft").GetString());
        Assert.Equal("2025-03-04", hwb.GetProperty("deadline").GetString());
        Assert.Equal(["2024-12", "2025-01"], hwb.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("10:00", hwb.GetProperty("deadlineTime").GetString());
        var actions = Assert.Single(hwb.GetProperty("returns").EnumerateArray(), r => r.GetProperty("period").GetString() == "2024-12" && r.GetProperty("dataset").GetString() == "actions");
        Assert.Equal("2025-01-06", actions.GetProperty("due").GetString());
        Assert.Equal("2024-12-31", actions.GetProperty("remindFrom").GetString());
        Assert.Equal("2025-01-07", actions.GetProperty("escalateFrom").GetString());
        Assert.Equal("2025-01-31", actions.GetProperty("escalateUntil").GetString());
        Assert.All(papers, p => Assert.InRange(p.GetProperty("meeting").GetString()!, "2025-03-01", "2025-03-31"));
    }

    [Fact]
    public async Task Schedule_Json_EveryBoardWithACalendarAndOneFinalPaperEachAfterTheProgrammeEnds()
    {
        var (exit, output, error) = await Sendfx.RunAsync("schedule", "--config", Config, "--json");

        Assert.True(exit == 0, error);
        var papers = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["cype-committee", "hwb-board", "partnership-board"], papers.Select(p => p.GetProperty("report").GetString()).Distinct().Order());
        var finals = papers.Where(p => p.GetProperty("final").GetBoolean()).ToList();
        Assert.Equal(3, finals.Count);
        Assert.All(papers.Where(p => string.CompareOrdinal(p.GetProperty("meeting").GetString(), "2025-10-31") > 0), p => Assert.True(p.GetProperty("final").GetBoolean()));
    }

    [Fact]
    public async Task Schedule_Text_SaysTheDatesInWords()
    {
        var (exit, output, error) = await Sendfx.RunAsync("schedule", "--config", Config, "--from", "2025-03-13", "--to", "2025-03-13");

        Assert.True(exit == 0, error);
        Assert.Contains("hwb-board: meeting Thu 13 Mar 2025", output, StringComparison.Ordinal);
        Assert.Contains("draft for sign-off Thu 27 Feb 2025, deadline Tue 4 Mar 2025 10:00", output, StringComparison.Ordinal);
        Assert.Contains("covers 2024-12, 2025-01", output, StringComparison.Ordinal);
        Assert.Contains("2025-01 metrics: reminders from 4 Feb, due Fri 7 Feb 2025, escalated 10 Feb to 28 Feb", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "13/03/2025")]
    [InlineData("--to", "2025-13-01")]
    public async Task Schedule_BadDate_IsAUsageError(string option, string value)
    {
        var (exit, _, error) = await Sendfx.RunAsync("schedule", "--config", Config, option, value);
        Assert.Equal(2, exit);
        Assert.Contains($"{option} '{value}' is not a date written yyyy-MM-dd.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_BadCalendar_ListsTheProblemAndFails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"reporting-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Config)).Replace("\"2025-03-13\",\n", "\"2025-13-03\",\n", StringComparison.Ordinal));
        try
        {
            var (exit, _, error) = await Sendfx.RunAsync("schedule", "--config", file);
            Assert.Equal(1, exit);
            Assert.Contains("reports.hwb-board.calendar.meetings: '2025-13-03' is not a date written yyyy-MM-dd.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

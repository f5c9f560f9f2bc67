using System.Text.Json;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Status;

/// <summary>The three sample months through sendfx compute: every status and movement, with the results worked out by hand.</summary>
public sealed class SamplePeriodTests
{
    private static string Drops => Path.Combine(Repository.Samples, "drops");

    [Fact]
    public async Task Compute_January2025_MatchesTheHandWorkedTable()
    {
        var status = await ComputeAsync("2025-01");

        // id: status, delayDays, forecastDelayDays, movement
        string[] expected =
        [
            "WS1-01 Complete 0 - Unchanged", "WS1-02 Complete 0 - Unchanged", "WS1-03 OnTrack 0 - Unchanged", "WS1-04 Delayed 0 61 Worsened",
            "WS2-01 Delayed 92 - Unchanged", "WS2-02 Delayed 0 61 Slipped", "WS2-03 AtRisk 31 - Worsened", "WS2-04 OnTrack 0 - Unchanged",
            "WS3-01 Complete 0 - Unchanged", "WS3-02 Complete 0 - Completed", "WS3-03 AtRisk 0 - Worsened", "WS3-04 AtRisk 62 - Worsened",
            "WS4-01 Delayed 0 153 Unchanged", "WS4-02 OnTrack 0 - Unchanged", "WS4-03 OnTrack 0 - Unchanged", "WS4-04 OnTrack 0 - Improved",
            "WS5-01 OnTrack 0 - New", "WS5-02 Complete 10 - Completed", "WS5-04 Delayed 0 31 Unchanged",
            "WS6-01 AtRisk 92 - Slipped", "WS6-02 OnTrack 0 - Unchanged", "WS6-03 OnTrack 0 - Unchanged",
        ];
        Assert.Equal(expected, Rows(status));
        Assert.Equal(["WS5-03"], status.GetProperty("removedMilestones").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"milestones":22,"complete":5,"onTrack":8,"delayed":5,"atRisk":4}""", Compact(status.GetProperty("summary")));
        Assert.Equal("""{"closedThisPeriod":7,"openNotDue":4,"openOverdue":1}""", Compact(status.GetProperty("actions")));
        var onTime = status.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "WS5-02").GetProperty("onTime");
        Assert.False(onTime.GetBoolean());
    }

    [Fact]
    public async Task Compute_January2025_MetricsAgainstTargetAndDecember()
    {
        var metrics = (await ComputeAsync("2025-01")).GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);

        Assert.Equal("""{"id":"EHCP20","value":37,"target":58,"rag":"Red","change":2,"trend":"Up","direction":"Improving","stale":false}""", Compact(metrics["EHCP20"]));
        Assert.Equal("Amber", metrics["YR11"].GetProperty("rag").GetString()); // 85 against 90: within 10%
        Assert.Equal("Green", metrics["COPROD"].GetProperty("rag").GetString());
        Assert.Equal("None", metrics["SENDIASS"].GetProperty("rag").GetString());
        Assert.True(metrics["ND-WAIT"].GetProperty("stale").GetBoolean()); // data for 2024-11 in the 2025-01 drop
        Assert.Equal("Same", metrics["ND-WAIT"].GetProperty("direction").GetString());
        Assert.Equal(-6.1m, metrics["ISP-SPEND"].GetProperty("change").GetDecimal()); // (1,080,000 - 1,150,000) / 1,150,000
        Assert.Equal("Worsening", metrics["SALT-WAIT"].GetProperty("direction").GetString()); // 34 to 35 weeks, lower is better
    }

    [Fact]
    public async Task Compute_December2024_MatchesTheHandWorkedTable()
    {
        var status = await ComputeAsync("2024-12");
        string[] expected =
        [
            "WS1-01 Complete 0 - Unchanged", "WS1-02 Complete 0 - Completed", "WS1-03 OnTrack 0 - Unchanged", "WS1-04 OnTrack 0 - Unchanged",
            "WS2-01 Delayed 61 - Unchanged", "WS2-02 Delayed 0 30 Worsened", "WS2-03 OnTrack 0 - Unchanged", "WS2-04 OnTrack 0 - Improved",
            "WS3-01 Complete 0 - Unchanged", "WS3-02 OnTrack 0 - Unchanged", "WS3-03 OnTrack 0 - Unchanged", "WS3-04 Delayed 31 - Worsened",
            "WS4-01 Delayed 0 153 Improved", "WS4-02 OnTrack 0 - Unchanged", "WS4-03 OnTrack 0 - Unchanged", "WS4-04 AtRisk 0 - New",
            "WS5-02 OnTrack 0 - New", "WS5-03 OnTrack 0 - Unchanged", "WS5-04 Delayed 0 31 Unchanged",
            "WS6-01 AtRisk 61 - Worsened", "WS6-02 OnTrack 0 - Unchanged", "WS6-03 OnTrack 0 - New",
        ];
        Assert.Equal(expected, Rows(status));
        Assert.Empty(status.GetProperty("removedMilestones").EnumerateArray());
    }

    [Fact]
    public async Task Compute_November2024_HasNoPreviousSoNoMovement()
    {
        var status = await ComputeAsync("2024-11");
        Assert.All(status.GetProperty("milestones").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("movement").ValueKind));
        Assert.All(status.GetProperty("metrics").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("change").ValueKind));
        Assert.Equal("WS4-01 AtRisk 0 - -", Rows(status).Single(r => r.StartsWith("WS4-01", StringComparison.Ordinal))); // revised past the deadline
    }

    [Fact]
    public async Task Samples_AcrossThreeMonths_ProduceEveryStatusAndMovement()
    {
        var statuses = new HashSet<string>();
        var movements = new HashSet<string>();
        var removed = 0;
        foreach (var period in new[] { "2024-11", "2024-12", "2025-01" })
        {
            var status = await ComputeAsync(period);
            foreach (var m in status.GetProperty("milestones").EnumerateArray())
            {
                statuses.Add(m.GetProperty("status").GetString()!);
                if (m.GetProperty("movement").GetString() is { } movement)
                {
                    movements.Add(movement);
                }
            }

            removed += status.GetProperty("removedMilestones").GetArrayLength();
        }

        Assert.Equal(Enum.GetNames<MilestoneStatus>().Order(), statuses.Order());
        Assert.Equal(Enum.GetNames<Movement>().Order(), movements.Order());
        Assert.True(removed > 0);
    }

    [Fact]
    public async Task Compute_DeadlineOverride_ChangesTheDeadlineRule()
    {
        var (exit, output, _) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01", "--deadline", "2025-06-30", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2025-06-30", json.RootElement.GetProperty("deadline").GetString());
        Assert.Contains("WS4-01 AtRisk 0 - Unchanged", Rows(json.RootElement)); // revised 2025-09-30 is past the deadline in both months
    }

    [Fact]
    public async Task Compute_PeriodWithoutMilestones_ExitsOne()
    {
        var (exit, _, error) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-02");
        Assert.Equal(1, exit);
        Assert.Contains("no valid milestones file for 2025-02", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_WithoutJson_PrintsRagWordsAndSentences()
    {
        var (exit, output, _) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01");
        Assert.Equal(0, exit);
        Assert.Contains("WS2-01   Delayed  Amber", output, StringComparison.Ordinal);
        Assert.Contains("five are delayed but not at risk", output, StringComparison.Ordinal);
        Assert.Contains("Seven actions are now closed.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--period", "2025-13")]
    [InlineData("--deadline", "31/10/2025")]
    public async Task Compute_BadOption_IsAUsageError(string option, string value)
    {
        var args = new List<string> { "compute", "--data", Drops, "--period", "2025-01" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        Assert.Equal(2, (await Sendfx.RunAsync([.. args])).Exit);
    }

    private static async Task<JsonElement> ComputeAsync(string period)
    {
        var (exit, output, error) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", period, "--json");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static List<string> Rows(JsonElement status) => status.GetProperty("milestones").EnumerateArray()
        .Select(m => string.Join(' ',
            m.GetProperty("id").GetString(),
            m.GetProperty("status").GetString(),
            m.GetProperty("delayDays").GetInt32(),
            m.GetProperty("forecastDelayDays").ValueKind == JsonValueKind.Null ? "-" : m.GetProperty("forecastDelayDays").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            m.GetProperty("movement").GetString() ?? "-"))
        .ToList();

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}

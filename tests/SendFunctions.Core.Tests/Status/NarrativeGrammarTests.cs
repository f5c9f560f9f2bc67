using SendFunctions.Core.Actions;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Status;

/// <summary>Every count combination reads as a clerk would write it: none, one, two, many; no sentence starts with a numeral.</summary>
public sealed class NarrativeGrammarTests
{
    private static readonly int[] Counts = [0, 1, 2, 10, 11, 1234];

    public static TheoryData<int, int, int> ActionCounts()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var closed in Counts)
        {
            foreach (var notDue in Counts)
            {
                foreach (var overdue in Counts)
                {
                    data.Add(closed, notDue, overdue);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActionCounts))]
    public void Actions_AnyCounts_ReadCorrectly(int closed, int notDue, int overdue)
    {
        var log = new ActionLog(Items(closed), Items(notDue), Items(overdue).Select((a, i) => new OverdueAction(a, 40 - (i % 40))).ToList());

        var sentences = Narrative.Actions(log);

        Assert.All(sentences, AssertReadsWell);
        Assert.Equal(closed switch { 0 => "No action was closed this month.", 1 => "One action is now closed.", 2 => "Two actions are now closed.", 10 => "Ten actions are now closed.", _ => $"A total of {closed.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} actions are now closed." }, sentences[0]);
        if (notDue == 1)
        {
            Assert.Contains("One action that is not yet due remains open.", sentences);
        }

        if (notDue == 0 && overdue == 0)
        {
            Assert.Contains("No actions remain open.", sentences);
        }

        Assert.Equal(overdue > 0, sentences.Any(s => s.Contains("overdue", StringComparison.Ordinal)));
        Assert.Equal(overdue > 1, sentences.Any(s => s.Contains("the oldest by", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(4, 0, "Since the previous figures, four metrics improved and none worsened.")]
    [InlineData(0, 2, "Since the previous figures, two metrics worsened and none improved.")]
    [InlineData(1, 1, "Since the previous figures, one metric improved and one worsened.")]
    [InlineData(12, 3, "Since the previous figures, 12 metrics improved and three worsened.")]
    public void Metrics_ImprovedAndWorsened_NeverSayNoWorsened(int improving, int worsening, string expected)
    {
        var metrics = Enumerable.Range(0, improving).Select(i => Metric($"I{i}", Direction.Improving))
            .Concat(Enumerable.Range(0, worsening).Select(i => Metric($"W{i}", Direction.Worsening)))
            .ToList();

        var text = Narrative.Metrics(metrics);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        AssertReadsWell(text);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(11)]
    [InlineData(1)]
    public void Metrics_NoTargets_CountLeadsInWords(int n)
    {
        var text = Narrative.Metrics(Enumerable.Range(0, n).Select(i => Metric($"M{i}", null, target: null)).ToList());
        AssertReadsWell(text);
        Assert.StartsWith(n == 1 ? "One metric is reported" : $"A total of {n} metrics are reported", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "No milestones are due in February 2025.")]
    [InlineData(1, "One milestone is due in February 2025.")]
    [InlineData(3, "Three milestones are due in February 2025.")]
    [InlineData(12, "A total of 12 milestones are due in February 2025.")]
    public void DueNext_AnyCount_StartsInWords(int n, string expected)
    {
        var due = Enumerable.Range(0, n).Select(i => new MilestoneAssessment(Milestone($"WS1-{i:D2}"), MilestoneStatus.OnTrack, 0, null, null)).ToList();
        var status = Status(due) with { Summary = Status(due).Summary with { DueNextPeriod = due } };
        Assert.Equal(expected, Narrative.DueNext(status));
    }

    [Theory]
    [InlineData(1, "Milestone WS1-00 is reported on hold.")]
    [InlineData(2, "Milestones WS1-00 and WS1-01 are reported on hold.")]
    [InlineData(11, "A total of 11 milestones are reported on hold.")]
    public void OnHold_AnyCount_ReadsCorrectly(int n, string expected)
    {
        var held = Enumerable.Range(0, n).Select(i => new MilestoneAssessment(Milestone($"WS1-{i:D2}") with { Status = ReportedStatus.OnHold }, MilestoneStatus.OnTrack, 0, null, null)).ToList();
        Assert.Equal(expected, Narrative.OnHold(Status(held)));
    }

    [Fact]
    public void OnHold_None_IsNotMentioned() => Assert.Null(Narrative.OnHold(Status([new(Milestone("WS1-01"), MilestoneStatus.OnTrack, 0, null, null)])));

    [Fact]
    public void Movements_ManyRemoved_StartsInWords()
    {
        var removed = Enumerable.Range(0, 12).Select(i => new MilestoneAssessment(Milestone($"WS9-{i:D2}"), MilestoneStatus.OnTrack, 0, null, null)).ToList();
        var text = Narrative.Movements(Status([]) with { Removed = removed, HasPreviousPeriod = true });
        Assert.Contains(" A total of 12 milestones reported last month were not reported this month:", text, StringComparison.Ordinal);
        AssertReadsWell(text);
    }

    [Fact]
    public void LongestDelay_NamesTheMilestoneNotItsDescription()
    {
        var longest = new MilestoneAssessment(Milestone("WS2-01") with { Title = "Deliver the recovery plan" }, MilestoneStatus.Delayed, 92, null, null);
        Assert.Equal("The longest delay is 92 days, on milestone WS2-01 (Deliver the recovery plan).", Narrative.LongestDelay(longest));
    }

    /// <summary>Each sentence starts with a capital letter (never a numeral) and has no "1 action" or "one actions".</summary>
    internal static void AssertReadsWell(string text)
    {
        foreach (var sentence in text.Split(". ", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(char.IsUpper(sentence[0]), $"'{sentence}' does not start with a capital letter");
        }

        Assert.DoesNotMatch(@"\b(one|One) (actions|milestones|metrics)\b", text);
        Assert.DoesNotMatch(@"\b1 (action|milestone|metric)\b", text);
        Assert.DoesNotMatch(@"\b(no|No) (worsened|improved)\b", text);
    }

    private static List<ActionItem> Items(int n) =>
        Enumerable.Range(0, n).Select(i => new ActionItem($"A-{i}", "Circulate the minutes", "Secretary", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), ActionState.Open, null)).ToList();

    private static MetricAssessment Metric(string id, Direction? direction, decimal? target = 50) =>
        new(new MetricReading(id, "Metric", "Area", MetricUnit.Percent, Polarity.Higher, 40, ReportingPeriod.Of(2025, 1), target, null),
            target is null ? Rag.None : Rag.Red, 38, 2, Trend.Up, direction, false);

    private static Milestone Milestone(string id) =>
        new(id, "Leadership", "Deliver the thing", "Head of SEND", new DateOnly(2025, 2, 14), null, null, ReportedStatus.InProgress, false, string.Empty);

    private static PeriodStatus Status(IReadOnlyList<MilestoneAssessment> milestones) => new(
        ReportingPeriod.Of(2025, 1), new DateOnly(2025, 10, 31), milestones, [], false, [], new Dictionary<string, IReadOnlyList<MetricPoint>>(), null,
        new StatusSummary(StatusCounts.Of(milestones), [], null, [], 273, new Dictionary<Movement, int>()),
        PeriodReturns.FromPresence(true, false, false));
}

using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Status;

public sealed class WordsTests
{
    [Theory]
    [InlineData(0, "no milestones")]
    [InlineData(1, "one milestone")]
    [InlineData(2, "two milestones")]
    [InlineData(10, "ten milestones")]
    [InlineData(11, "11 milestones")]
    [InlineData(1234, "1,234 milestones")]
    public void Count_OneToTenInWords_PluralByNumber(int n, string expected) => Assert.Equal(expected, Words.Count(n, "milestone"));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(10, "tenth")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(111, "111th")]
    public void Ordinal_InWordsToTwentieth(int n, string expected) => Assert.Equal(expected, Words.Ordinal(n));

    [Theory]
    [InlineData(1, 1, 0, 0, 0, "Of one milestone, one is complete (100% complete).")]
    [InlineData(2, 0, 1, 0, 1, "Of two milestones, one is on track and one is at risk (0% complete).")]
    [InlineData(42, 30, 5, 5, 2, "Of 42 milestones, 30 are complete, five are on track, five are delayed but not at risk and two are at risk (71% complete).")]
    public void Milestones_Sentence_ReadsAsAClerkWritesIt(int total, int complete, int onTrack, int delayed, int atRisk, string expected) =>
        Assert.Equal(expected, Narrative.Milestones(new StatusCounts(total, complete, onTrack, delayed, atRisk)));

    [Fact]
    public void Actions_Sentences_AsTheSeedsWriteThem()
    {
        var log = new SendFunctions.Core.Actions.ActionLog(
            Enumerable.Range(1, 7).Select(i => Item($"A{i}")).ToList(),
            Enumerable.Range(1, 4).Select(i => Item($"B{i}")).ToList(),
            []);
        Assert.Equal(["Seven actions are now closed.", "Four actions that are not yet due remain open."], Narrative.Actions(log));
    }

    [Fact]
    public void Actions_OneEach_IsSingular()
    {
        var log = new SendFunctions.Core.Actions.ActionLog([Item("A")], [Item("B")], [new(Item("C"), 3)]);
        Assert.Equal(["One action is now closed.", "One action that is not yet due remains open.", "One action is overdue, by three days."], Narrative.Actions(log));
    }

    private static SendFunctions.Core.Actions.ActionItem Item(string id) =>
        new(id, "x", "y", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), SendFunctions.Core.Actions.ActionState.Open, null);
}

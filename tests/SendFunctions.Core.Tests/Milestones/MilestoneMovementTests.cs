using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Tests.Milestones;

public sealed class MilestoneMovementTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 31);

    [Fact]
    public void Of_NotInPrevious_IsNew() => Assert.Equal(Movement.New, MilestoneMovement.Of(Assess(OnTrack()), null));

    [Fact]
    public void Of_CompletedNowAndImprovedRank_IsCompletedFirst() =>
        Assert.Equal(Movement.Completed, MilestoneMovement.Of(Assess(OnTrack() with { Completed = AsOf }), Assess(OnTrack() with { AtRisk = true })));

    [Fact]
    public void Of_CompleteBothMonths_IsUnchanged() =>
        Assert.Equal(Movement.Unchanged, MilestoneMovement.Of(Assess(OnTrack() with { Completed = AsOf }), Assess(OnTrack() with { Completed = AsOf })));

    [Fact]
    public void Of_RankRoseAndDateSlipped_IsWorsened() =>
        Assert.Equal(Movement.Worsened, MilestoneMovement.Of(Assess(OnTrack() with { Revised = new DateOnly(2025, 5, 31) }), Assess(OnTrack())));

    [Fact]
    public void Of_RankFell_IsImproved() =>
        Assert.Equal(Movement.Improved, MilestoneMovement.Of(Assess(OnTrack()), Assess(OnTrack() with { AtRisk = true })));

    [Fact]
    public void Of_SameRankLaterDate_IsSlipped() =>
        Assert.Equal(Movement.Slipped, MilestoneMovement.Of(
            Assess(OnTrack() with { Revised = new DateOnly(2025, 6, 30) }),
            Assess(OnTrack() with { Revised = new DateOnly(2025, 5, 31) })));

    [Fact]
    public void Of_SameRankEarlierDate_IsUnchanged() =>
        Assert.Equal(Movement.Unchanged, MilestoneMovement.Of(
            Assess(OnTrack() with { Revised = new DateOnly(2025, 4, 30) }),
            Assess(OnTrack() with { Revised = new DateOnly(2025, 5, 31) })));

    [Fact]
    public void Of_MovedToAnotherWorkstream_IsMatchedById() =>
        Assert.Equal(Movement.Unchanged, MilestoneMovement.Of(Assess(OnTrack() with { Workstream = "Inclusive Practice" }), Assess(OnTrack())));

    [Fact]
    public void Compare_WithoutPrevious_LeavesMovementNullAndRemovesNothing()
    {
        var (current, removed) = MilestoneMovement.Compare([Assess(OnTrack())], null);
        Assert.Null(Assert.Single(current).Movement);
        Assert.Empty(removed);
    }

    [Fact]
    public void Compare_MissingNow_IsListedAsRemoved()
    {
        var (_, removed) = MilestoneMovement.Compare([Assess(OnTrack())], [Assess(OnTrack()), Assess(OnTrack() with { Id = "WS9-99" })]);
        Assert.Equal("WS9-99", Assert.Single(removed).Milestone.Id);
    }

    private static Milestone OnTrack() => new("WS1-01", "Leadership", "Deliver", "Lead", new DateOnly(2025, 3, 31), null, null, ReportedStatus.InProgress, false, "x");

    private static MilestoneAssessment Assess(Milestone m) => MilestoneRules.Assess(m, AsOf, new DateOnly(2025, 10, 31));
}

using SendFunctions.Core.Actions;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Status;

public sealed class ActionLogTests
{
    [Fact]
    public void Assess_SplitsClosedThisPeriodOpenNotDueAndOverdue()
    {
        var january = ReportingPeriod.Of(2025, 1);
        ActionItem[] actions =
        [
            Action("closed-in-january", ActionState.Closed, due: new(2025, 1, 28), closed: new(2025, 1, 1)),
            Action("closed-in-december", ActionState.Closed, due: new(2024, 12, 17), closed: new(2024, 12, 31)),
            Action("open-due-on-as-of", ActionState.Open, due: new(2025, 1, 31)),
            Action("open-due-later", ActionState.Open, due: new(2025, 4, 29)),
            Action("open-overdue-by-45", ActionState.Open, due: new(2024, 12, 17)),
            Action("open-overdue-by-1", ActionState.Open, due: new(2025, 1, 30)),
        ];

        var log = ActionLog.Assess(actions, january);

        Assert.Equal(["closed-in-january"], log.ClosedThisPeriod.Select(a => a.Id));
        Assert.Equal(["open-due-on-as-of", "open-due-later"], log.OpenNotDue.Select(a => a.Id));
        Assert.Equal([("open-overdue-by-45", 45), ("open-overdue-by-1", 1)], log.OpenOverdue.Select(a => (a.Action.Id, a.OverdueDays)));
    }

    private static ActionItem Action(string id, ActionState state, DateOnly due, DateOnly? closed = null) =>
        new(id, "Do it", "Lead", new DateOnly(2024, 11, 26), due, state, closed);
}

using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Actions;

/// <summary>The action log as at a period's as-of date (DATA-CONTRACT.md section 6).</summary>
public sealed record ActionLog(
    IReadOnlyList<ActionItem> ClosedThisPeriod,
    IReadOnlyList<ActionItem> OpenNotDue,
    IReadOnlyList<OverdueAction> OpenOverdue)
{
    public static readonly ActionLog Empty = new([], [], []);

    public static ActionLog Assess(IEnumerable<ActionItem> actions, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var asOf = period.AsOf;
        var list = actions.ToList();
        return new ActionLog(
            list.Where(a => a.Status == ActionState.Closed && a.Closed is { } closed && period.Contains(closed)).ToList(),
            list.Where(a => a.Status == ActionState.Open && a.Due >= asOf).ToList(),
            list.Where(a => a.Status == ActionState.Open && a.Due < asOf)
                .Select(a => new OverdueAction(a, asOf.DayNumber - a.Due.DayNumber))
                .OrderByDescending(a => a.OverdueDays)
                .ToList());
    }
}

public sealed record OverdueAction(ActionItem Action, int OverdueDays);

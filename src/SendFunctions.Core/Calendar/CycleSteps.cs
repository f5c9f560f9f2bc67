using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>What the committee cycle does for a paper at a moment.</summary>
public enum CycleStep
{
    /// <summary>Ask for the draft (a report request with the paper's months and meeting).</summary>
    RequestDraft,

    /// <summary>Email the draft to its signer with the approve link.</summary>
    SendDraft,

    /// <summary>Remind the signer (once a working day).</summary>
    RemindSigner,

    /// <summary>Tell the programme lead the deadline is near and the paper is not signed off, so not sent.</summary>
    Escalate,
}

/// <summary>What the ledger knows of a paper: its draft version, if made, and whether that version is signed off.</summary>
public sealed record PaperState(int? DraftVersion, bool SignedOff);

/// <summary>
/// The steps due for one paper at a moment in UK local time. Pure, so the hourly timer and its catch-up on start make the
/// same decisions; each step is keyed (<see cref="KeyFor"/>) so that taking it again changes nothing. Nothing is done
/// before the draft day or after the meeting. The draft goes to the signer once per version; from the next working day the
/// signer is reminded daily until the working day before the deadline, when the lead is told instead, once per version.
/// Distribution is not a step here: the sign-off itself queues it.
/// </summary>
public static class CycleSteps
{
    public static IReadOnlyList<CycleStep> For(ScheduledPaper paper, DateTime localNow, PaperState state, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(days);
        var today = DateOnly.FromDateTime(localNow);
        if (today < paper.Draft || today > paper.Meeting)
        {
            return [];
        }

        if (state.DraftVersion is null)
        {
            return [CycleStep.RequestDraft];
        }

        if (state.SignedOff)
        {
            return [];
        }

        var steps = new List<CycleStep> { CycleStep.SendDraft };
        var escalateFrom = days.WorkingDaysBefore(paper.Deadline, 1);
        if (today >= escalateFrom)
        {
            steps.Add(CycleStep.Escalate);
        }
        else if (today > paper.Draft && days.IsWorkingDay(today))
        {
            steps.Add(CycleStep.RemindSigner);
        }

        return steps;
    }

    /// <summary>The ledger row of a step: the draft request once a day until the draft exists; emails once per version (reminders once per day).</summary>
    public static string KeyFor(CycleStep step, ScheduledPaper paper, int? version, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var v = version?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return step switch
        {
            CycleStep.RequestDraft => $"calendar-{paper.Report.ToSlug()}-{paper.Meeting:yyyy-MM-dd}-draft-request-{today:yyyy-MM-dd}",
            CycleStep.SendDraft => $"signoff-{paper.Report.ToSlug()}-v{v}-draft",
            CycleStep.RemindSigner => $"signoff-{paper.Report.ToSlug()}-v{v}-reminder-{today:yyyy-MM-dd}",
            CycleStep.Escalate => $"signoff-{paper.Report.ToSlug()}-v{v}-escalation",
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}

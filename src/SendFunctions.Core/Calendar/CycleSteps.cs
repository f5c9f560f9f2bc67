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

    /// <summary>
    /// Ask for a new version: an upload accepted since the latest version changed what the paper is made from. After a
    /// sign-off, the new version is a revision (<see cref="PaperRevision"/>) that needs sign-off again.
    /// </summary>
    RequestRevision,
}

/// <summary>What the ledger knows of a paper: its draft version, if made, and whether that version is signed off.</summary>
/// <param name="ChangedInputs">
/// When the accepted data the paper is made from now differs from the latest version's: a short key of the data now (so each
/// new set of inputs is asked for once); null when the version is up to date.
/// </param>
public sealed record PaperState(int? DraftVersion, bool SignedOff, string? ChangedInputs = null);

/// <summary>
/// The steps due for one paper at a moment in UK local time. Pure, so the hourly timer and its catch-up on start make the
/// same decisions; each step is keyed (<see cref="KeyFor"/>) so that taking it again changes nothing. Nothing is done
/// before the draft day or after the meeting. The draft goes to the signer once per version; from the next working day the
/// signer is reminded daily until the working day before the deadline, when the lead is told instead, once per version.
/// Distribution is not a step here: the sign-off itself queues it. When the data changes under the latest version, signed
/// off or not, a new version is asked for (once per set of inputs) and the signer is not sent or reminded about the outdated
/// one (the lead is still told near the deadline if nothing is signed off); after the
/// meeting nothing is done automatically (the paper has been read: ops see the later data in <c>sendfx papers</c>).
/// </summary>
public static class CycleSteps
{
    /// <summary>Whether the cycle does anything for the paper on this day: from its draft day to its meeting.</summary>
    public static bool IsActive(ScheduledPaper paper, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return today >= paper.Draft && today <= paper.Meeting;
    }

    public static IReadOnlyList<CycleStep> For(ScheduledPaper paper, DateTime localNow, PaperState state, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(days);
        var today = DateOnly.FromDateTime(localNow);
        if (!IsActive(paper, today))
        {
            return [];
        }

        if (state.DraftVersion is null)
        {
            return [CycleStep.RequestDraft];
        }

        var escalateFrom = days.WorkingDaysBefore(paper.Deadline, 1);
        if (state.ChangedInputs is not null)
        {
            // Still escalated when unsigned near the deadline: a new version that never comes must not hide the paper from the lead.
            return !state.SignedOff && today >= escalateFrom ? [CycleStep.RequestRevision, CycleStep.Escalate] : [CycleStep.RequestRevision];
        }

        if (state.SignedOff)
        {
            return [];
        }

        var steps = new List<CycleStep> { CycleStep.SendDraft };
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
    /// <param name="changedInputs">For <see cref="CycleStep.RequestRevision"/>: <see cref="PaperState.ChangedInputs"/>.</param>
    public static string KeyFor(CycleStep step, ScheduledPaper paper, int? version, DateOnly today, string? changedInputs = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var v = version?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return step switch
        {
            CycleStep.RequestDraft => $"calendar-{paper.Report.ToSlug()}-{paper.Meeting:yyyy-MM-dd}-draft-request-{today:yyyy-MM-dd}",
            CycleStep.SendDraft => $"signoff-{paper.Report.ToSlug()}-v{v}-draft",
            CycleStep.RemindSigner => $"signoff-{paper.Report.ToSlug()}-v{v}-reminder-{today:yyyy-MM-dd}",
            CycleStep.Escalate => $"signoff-{paper.Report.ToSlug()}-v{v}-escalation",
            CycleStep.RequestRevision => $"calendar-{paper.Report.ToSlug()}-{paper.Meeting:yyyy-MM-dd}-revision-of-v{v}-{changedInputs}",
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}

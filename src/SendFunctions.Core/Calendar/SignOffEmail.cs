using SendFunctions.Core.Configuration;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// The emails of a paper's sign-off: the draft to its signer with the approve link, a daily reminder until the deadline,
/// and the one escalation to the programme lead when the deadline nears unsigned. Each names the paper by board, months
/// and version, and the deadline; none carries anything from the data.
/// </summary>
public static class SignOffEmail
{
    /// <param name="revision">Set for a revised paper: the email says what it replaces and what changed.</param>
    public static MailMessage Draft(ScheduledPaper paper, ReportSettings settings, Person signer, int version, string? approveUrl, MailAttachment draft, PaperRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(signer);
        var subject = $"For sign-off{(revision is null ? string.Empty : " (revised)")}: {settings.Board} paper for {CoveredMonths.Describe(paper.Periods)} (version {version}), needed by {Deadline(paper)}";
        var how = approveUrl is null
            ? "To approve it, ask the programme team to run sendfx approve for it."
            : "To approve it, open the link below and press Approve. The link works once, for this version only.";
        var text = $"Dear {signer.Name},\n\nThe draft {settings.Board} paper for the meeting on {Words.Date(paper.Meeting)}, covering {CoveredMonths.Describe(paper.Periods)}, is attached (version {version}). The clerks need it by {Deadline(paper)}.{Revised(revision)}\n\n{how}\n\nIt goes to the {settings.Board} distribution list only once you have approved it.";
        return Compose([signer.Email], [], subject, text, approveUrl) with { Attachments = [draft] };
    }

    public static MailMessage Reminder(ScheduledPaper paper, ReportSettings settings, Person signer, int version, string? approveUrl)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(signer);
        var subject = $"Reminder: the {settings.Board} paper (version {version}) needs your sign-off by {Deadline(paper)}";
        var text = $"Dear {signer.Name},\n\nThe draft {settings.Board} paper for {CoveredMonths.Describe(paper.Periods)} (version {version}) has not been signed off yet. The clerks need it by {Deadline(paper)}; it is sent to the list only once approved.";
        return Compose([signer.Email], [], subject, text, approveUrl);
    }

    public static MailMessage Escalation(ScheduledPaper paper, ReportSettings settings, Person signer, Person lead, int version)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(lead);
        var subject = $"Not signed off: the {settings.Board} paper for {CoveredMonths.Describe(paper.Periods)} is needed by {Deadline(paper)}";
        var text = $"Dear {lead.Name},\n\nThe {settings.Board} paper for the meeting on {Words.Date(paper.Meeting)} (version {version}) has not been signed off by {signer.Name}, and the clerks need it by {Deadline(paper)}. It has not been sent. It is sent to the list as soon as it is approved (by the link in the draft's email, or with sendfx approve).\n\n{signer.Name} is copied into this email.";
        return Compose([lead.Email], [signer.Email], subject, text, null);
    }

    /// <summary>A revision needs sign-off again: the approval of the version it replaces does not carry over.</summary>
    private static string Revised(PaperRevision? revision) => revision is null
        ? string.Empty
        : $"\n\n{revision.Headline} It needs your sign-off again. {revision.WhatChanged}";

    private static string Deadline(ScheduledPaper paper) => $"{paper.DeadlineTime:HH:mm} on {Words.Date(paper.Deadline)}";

    private static MailMessage Compose(IReadOnlyList<string> to, IReadOnlyList<string> cc, string subject, string text, string? approveUrl)
    {
        var html = text.Split("\n\n").Select(Html.P).ToList();
        if (approveUrl is not null)
        {
            html.Add(Html.Link(approveUrl, "Review and approve the paper"));
            text += $"\n\nReview and approve the paper: {approveUrl}";
        }

        return new MailMessage(to, cc, [], subject, Html.Document(subject, html), text, []);
    }
}

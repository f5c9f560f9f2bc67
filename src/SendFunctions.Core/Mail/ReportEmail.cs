using System.Globalization;
using SendFunctions.Core.Configuration;

namespace SendFunctions.Core.Mail;

/// <summary>The email that carries a paper to its distribution list: subject with board, month and version; a summary in HTML and text.</summary>
public static class ReportEmail
{
    /// <summary>
    /// The largest paper SendGrid can carry as an attachment: it takes 30 MB for the whole message after base64 (which
    /// adds a third), and the summary, headers and JSON need some room.
    /// </summary>
    public const long SendGridMaxAttachmentBytes = 22L * 1024 * 1024;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// How a paper of this size goes out. A paper above the configured limit goes as a time-limited link, except a
    /// confidential one: a link is a bearer token that anyone it is forwarded to can use and that cannot be withdrawn,
    /// so a confidential paper is always attached, and not sent at all when SendGrid could not carry it.
    /// </summary>
    public static PaperForm FormFor(long sizeBytes, long maxAttachmentBytes, bool confidential) =>
        sizeBytes <= maxAttachmentBytes ? PaperForm.Attached
        : !confidential ? PaperForm.Linked
        : sizeBytes <= SendGridMaxAttachmentBytes ? PaperForm.Attached
        : PaperForm.TooLargeToSend;

    /// <summary>The attachment's name as a clerk files it: board, month and version ("Health and Wellbeing Board - January 2025 - version 2.docx").</summary>
    public static string AttachmentName(EmailRequest request, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var dot = request.FileName.LastIndexOf('.');
        var extension = dot >= 0 ? request.FileName[dot..] : string.Empty;
        var name = $"{settings.Board} - {request.Months} - version {request.Paper.Version.ToString(CultureInfo.InvariantCulture)}";
        return string.Concat(name.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '-' : c)) + extension;
    }

    /// <param name="replyTo">Where replies go: the programme team (<c>programme.replyTo</c>, else the lead).</param>
    /// <param name="attachment">The paper, or null when it is too large to attach and <paramref name="link"/> is sent instead.</param>
    /// <param name="link">A time-limited, read-only link to the paper, when it is not attached; its expiry in UK local time.</param>
    public static MailMessage Compose(EmailRequest request, ReportSettings settings, string? replyTo, MailAttachment? attachment, PaperLink? link)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var month = request.Months;
        var resent = (request.Revision is null ? string.Empty : ", revised") + (request.Resend is null ? string.Empty : ", resent");
        var subject = $"{(settings.ProtectiveMarking is { } marking ? $"{marking}: " : string.Empty)}{settings.Board}: {request.Title} (version {request.Paper.Version}{resent})";
        var form = attachment is null ? ", at the link below."
            : settings.Confidential ? ", attached as a Word document."
            : ", attached as a Word document ready to publish.";
        var intro = $"Please find the {settings.Board} paper for {month}, version {request.Paper.Version}{form}";
        var highlights = request.Highlights ?? [];
        var attention = request.Attention ?? [];
        var html = new List<string> { Html.P("Dear colleague,"), Html.P(intro) };
        var text = new List<string> { "Dear colleague,", string.Empty, intro, string.Empty };
        if (request.Resend is not null)
        {
            // A resend is the same paper and the same summary as the first email; it says so, and why, so nobody files it as new.
            var resend = $"This is a resend of version {request.Paper.Version}: the paper is unchanged since it was first sent."
                + (string.IsNullOrWhiteSpace(request.ResendReason) ? string.Empty : $" Reason: {request.ResendReason.Trim()}");
            html.Add(Html.P(resend));
            text.AddRange([resend, string.Empty]);
        }

        if (request.Revision is { } revision)
        {
            // A revised paper replaces one the list may already have filed: it says which, and what changed.
            var revised = $"This is a revised version. {revision.Headline}";
            html.Add(Html.P(revised));
            text.AddRange([revised, string.Empty]);
        }

        if (settings.Confidential)
        {
            // A confidential kind has its own restricted distribution list in reporting.json; the email says so too.
            const string Restricted = "This paper is restricted to the people this email is addressed to. Please do not forward it.";
            html.Add(Html.P(Restricted));
            text.AddRange([Restricted, string.Empty]);
        }

        Section("What changed", request.Revision?.Changes ?? []);
        Section("Summary", highlights);
        Section("Needs attention", attention);
        if (link is not null)
        {
            // The offset is the UK's on the expiry day: the clock time a reader in the UK sees, GMT or BST.
            var expiry = $" (the link works until {link.Expires.DateTime.ToString("d MMMM yyyy HH:mm", British)} UK time)";
            html.Add(Html.Link(link.Url, $"Download the paper{expiry}"));
            text.Add($"Download the paper{expiry}: {link.Url}");
            text.Add(string.Empty);
        }

        html.Add(Html.P("This email was sent automatically by the SEND improvement reporting service. Reply to the programme team with any questions."));
        text.Add("This email was sent automatically by the SEND improvement reporting service. Reply to the programme team with any questions.");
        var list = settings.Distribution;
        var attached = attachment is null ? [] : new[] { attachment with { FileName = AttachmentName(request, settings) } };
        return new MailMessage(list.To, list.Cc ?? [], list.Bcc ?? [], subject, Html.Document(subject, html), string.Join("\n", text), attached)
        {
            ReplyTo = string.IsNullOrWhiteSpace(replyTo) ? null : replyTo.Trim(),
            ResendReason = request.Resend is null ? null : request.ResendReason?.Trim(),
        };

        void Section(string heading, IReadOnlyList<string> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }

            html.Add(Html.H(heading));
            html.Add(Html.List(lines));
            text.Add(heading);
            text.AddRange(lines.Select(l => "- " + l));
            text.Add(string.Empty);
        }
    }
}

/// <summary>How a paper leaves: attached, linked, or (a confidential paper too large for SendGrid) not at all.</summary>
public enum PaperForm
{
    Attached,
    Linked,
    TooLargeToSend,
}

/// <param name="Expires">When the link stops working, in UK local time (its offset is the UK's on that day).</param>
public sealed record PaperLink(string Url, DateTimeOffset Expires);

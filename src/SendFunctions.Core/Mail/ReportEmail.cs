using SendFunctions.Core.Configuration;

namespace SendFunctions.Core.Mail;

/// <summary>The email that carries a paper to its distribution list: subject with board, month and version; a summary in HTML and text.</summary>
public static class ReportEmail
{
    /// <param name="attachment">The paper, or null when it is too large to attach and <paramref name="link"/> is sent instead.</param>
    /// <param name="link">A time-limited, read-only link to the paper, when it is not attached.</param>
    public static MailMessage Compose(EmailRequest request, ReportSettings settings, MailAttachment? attachment, string? link, DateTimeOffset? linkExpires)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var month = Periods.ReportingPeriod.Parse(request.Period).ToLongName();
        var subject = $"{(settings.ProtectiveMarking is { } marking ? $"{marking}: " : string.Empty)}{settings.Board}: {request.Title.Split(':').Last().Trim()} (version {request.Version})";
        var intro = $"Please find the {settings.Board} paper for {month}, version {request.Version}" + (attachment is null ? ", at the link below." : ", attached as a Word document ready to publish.");
        var highlights = request.Highlights ?? [];
        var attention = request.Attention ?? [];
        var html = new List<string> { Html.P("Dear colleague,"), Html.P(intro) };
        var text = new List<string> { "Dear colleague,", string.Empty, intro, string.Empty };
        if (settings.Confidential)
        {
            // A confidential kind has its own restricted distribution list in reporting.json; the email says so too.
            const string Restricted = "This paper is restricted to the people this email is addressed to. Please do not forward it.";
            html.Add(Html.P(Restricted));
            text.AddRange([Restricted, string.Empty]);
        }

        Section("Summary", highlights);
        Section("Needs attention", attention);
        if (link is not null)
        {
            var expiry = linkExpires is { } e ? $" (the link works until {e.UtcDateTime.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} UTC)" : string.Empty;
            html.Add(Html.Link(link, $"Download the paper{expiry}"));
            text.Add($"Download the paper{expiry}: {link}");
            text.Add(string.Empty);
        }

        html.Add(Html.P("This email was sent automatically by the SEND improvement reporting service. Reply to the programme team with any questions."));
        text.Add("This email was sent automatically by the SEND improvement reporting service. Reply to the programme team with any questions.");
        var list = settings.Distribution;
        return new MailMessage(list.To, list.Cc ?? [], list.Bcc ?? [], subject, Html.Document(subject, html), string.Join("\n", text), attachment is null ? [] : [attachment]);

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

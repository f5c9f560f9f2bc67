using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Mail;

public sealed class ResendEmailTests
{
    private static readonly EmailRequest Original = new(new PaperVersion(ReportingPeriod.Parse("2025-01"), ReportKind.HwbBoard, 2), "2025-01-hwb-board.docx",
        "SEND Improvement, January 2025", ["Of 22 milestones, five are complete."], ["WS6-01 Relaunch the Local Offer: at risk"]);

    private static readonly MailAttachment Paper = new("2025-01-hwb-board.docx", "application/octet-stream", [1, 2]);

    [Fact]
    public void Compose_Resend_SaysSoAndWhyInSubjectAndBodyWithTheOriginalsSummary()
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var first = ReportEmail.Compose(Original, settings, null, Paper, null);

        var resend = ReportEmail.Compose(Original with { Resend = "20250310T090000Z", ResendReason = "  The clerk's mailbox was full. " }, settings, null, Paper, null);

        Assert.Equal("Health and Wellbeing Board: SEND Improvement, January 2025 (version 2, resent)", resend.Subject);
        Assert.Contains("This is a resend of version 2: the paper is unchanged since it was first sent. Reason: The clerk's mailbox was full.", resend.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: The clerk&#39;s mailbox was full.", resend.Html, StringComparison.Ordinal);
        Assert.Equal("The clerk's mailbox was full.", resend.ResendReason);
        var summary = first.Text[first.Text.IndexOf("Summary", StringComparison.Ordinal)..];
        Assert.EndsWith(summary, resend.Text, StringComparison.Ordinal);
        Assert.Null(first.ResendReason);
        Assert.DoesNotContain("resend", first.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_ResendQueuedBeforeReasonsWereKept_StillSaysItIsAResend()
    {
        var resend = ReportEmail.Compose(Original with { Resend = "20250310T090000Z" }, SampleStatus.Config.ReportFor("hwb-board")!, null, Paper, null);

        Assert.EndsWith("(version 2, resent)", resend.Subject, StringComparison.Ordinal);
        Assert.Contains("This is a resend of version 2", resend.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reason:", resend.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_WithoutAReason_IsAUsageError()
    {
        var (exit, _, error) = await Sendfx.RunAsync("resend", "--period", "2025-01", "--report", "hwb-board", "--connection", "UseDevelopmentStorage=true");

        Assert.Equal(2, exit);
        Assert.Contains("--reason", error, StringComparison.Ordinal);
    }
}

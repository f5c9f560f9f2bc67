using System.Globalization;
using System.Text;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Mail;

public sealed class EmailCompositionTests
{
    private static readonly EmailRequest Request = new(new PaperVersion(ReportingPeriod.Parse("2025-01"), ReportKind.HwbBoard, 2), "2025-01-hwb-board.docx",
        "SEND Improvement, January 2025", ["Of 22 milestones, five are complete."], ["WS6-01 Relaunch <the> Local Offer: at risk"]);

    [Fact]
    public void Report_WithAttachment_GoesToTheKindsListWithBoardMonthAndVersion()
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var mail = ReportEmail.Compose(Request, settings, "send.team@example.gov.uk", new MailAttachment("2025-01-hwb-board.docx", "application/octet-stream", [1, 2]), null);

        Assert.Equal(["hwb.clerk@example.gov.uk"], mail.To);
        Assert.Equal(["send.programme@example.gov.uk"], mail.Cc);
        Assert.Equal("send.team@example.gov.uk", mail.ReplyTo);
        Assert.Equal("Health and Wellbeing Board: SEND Improvement, January 2025 (version 2)", mail.Subject);
        Assert.Equal("Health and Wellbeing Board - January 2025 - version 2.docx", Assert.Single(mail.Attachments).FileName);
        Assert.Contains("attached as a Word document ready to publish", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Of 22 milestones, five are complete.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Relaunch &lt;the&gt; Local Offer", mail.Html, StringComparison.Ordinal); // encoded, never raw HTML
        Assert.Contains("<html lang=\"en-GB\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TitleWithAColon_IsKeptWholeInTheSubject()
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var mail = ReportEmail.Compose(Request with { Title = "SEND: the Written Statement of Action, January 2025" }, settings, null, null, new PaperLink("https://x", DateTimeOffset.UnixEpoch));

        Assert.Equal("Health and Wellbeing Board: SEND: the Written Statement of Action, January 2025 (version 2)", mail.Subject);
    }

    [Fact]
    public void Request_RoundTripsThroughJson_WithTypedPeriodKindAndVersion()
    {
        var json = Request.ToJson();
        var back = EmailRequest.FromJson(json)!;

        Assert.Contains("\"kind\":\"hwb-board\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\":\"2025-01\"", json, StringComparison.Ordinal);
        Assert.Equal(Request.Paper, back.Paper);
        Assert.Equal("2025-01/hwb-board/v2/2025-01-hwb-board.docx", back.DocumentBlob);
        Assert.Equal("hwb-board-v2-distribution", back.DeliveryKey);
    }

    [Theory]
    [InlineData("2025-03-01T09:00:00+00:00", "until 1 March 2025 09:00 UK time")] // GMT
    [InlineData("2025-07-01T10:00:00+01:00", "until 1 July 2025 10:00 UK time")] // BST: the clock time in the UK, not UTC's 09:00
    public void Report_TooLargeToAttach_CarriesTheLinkAndItsExpiryInUkTime(string expires, string expected)
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")!;
        var link = new PaperLink("https://example.blob/x.docx?sig=abc", DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture));
        var mail = ReportEmail.Compose(Request, settings, null, null, link);

        Assert.Empty(mail.Attachments);
        Assert.Null(mail.ReplyTo);
        Assert.Contains("https://example.blob/x.docx?sig=abc", mail.Text, StringComparison.Ordinal);
        Assert.Contains(expected, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, false, PaperForm.Attached)]
    [InlineData(1001, false, PaperForm.Linked)]
    [InlineData(1001, true, PaperForm.Attached)] // confidential: never a link
    [InlineData(ReportEmail.SendGridMaxAttachmentBytes, true, PaperForm.Attached)]
    [InlineData(ReportEmail.SendGridMaxAttachmentBytes + 1, true, PaperForm.TooLargeToSend)]
    [InlineData(ReportEmail.SendGridMaxAttachmentBytes + 1, false, PaperForm.Linked)]
    public void FormFor_SizeAndConfidentiality_DecideAttachOrLink(long size, bool confidential, PaperForm expected) =>
        Assert.Equal(expected, ReportEmail.FormFor(size, 1000, confidential));

    [Fact]
    public void AttachmentName_BoardWithCharactersAFileCannotHold_AreReplaced()
    {
        var settings = SampleStatus.Config.ReportFor("hwb-board")! with { Board = "Schools: Forum / Board" };

        Assert.Equal("Schools- Forum - Board - January 2025 - version 2.docx", ReportEmail.AttachmentName(Request, settings));
    }

    [Fact]
    public void Report_ConfidentialKind_IsMarkedAndSaysNotToForward()
    {
        var settings = SampleStatus.Config.ReportFor("exceptions")! with { Confidential = true };
        var mail = ReportEmail.Compose(Request with { Paper = Request.Paper with { Kind = ReportKind.Exceptions } }, settings, null, new MailAttachment("x.docx", "application/octet-stream", [1]), null);

        Assert.StartsWith("OFFICIAL-SENSITIVE: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Please do not forward it.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ready to publish", mail.Text, StringComparison.Ordinal);
        Assert.Equal(["send.executive@example.gov.uk"], mail.To);
    }

    [Fact]
    public void Owner_RejectedFile_ShowsTheFirstTenErrorsAndAttachesAll()
    {
        var rows = Enumerable.Range(1, 12).Select(i => Drops.Milestone(id: $"WS1-{i:D2}", due: "31/02/2025")).Prepend(Drops.MilestoneHeader).ToArray();
        var report = Drops.ValidateCsv(Dataset.Milestones, rows).Report;
        var owner = new Person("Programme Office", "pmo@example.gov.uk");

        var mail = OwnerEmail.For("milestones.csv", report, owner, ValidationReportWriter.ToCsv(report));

        Assert.Equal(["pmo@example.gov.uk"], mail.To);
        Assert.Equal("Action needed: your milestones file for January 2025 was not accepted (12 errors)", mail.Subject);
        Assert.Equal(10, mail.Text.Split('\n').Count(l => l.StartsWith("Row ", StringComparison.Ordinal)));
        Assert.Contains("all 12 are in the attached spreadsheet", mail.Text, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(Assert.Single(mail.Attachments).Content);
        Assert.Equal(12, csv.Split('\n').Count(l => l.StartsWith("Error,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Owner_AcceptedFile_GetsAReceiptWithWarnings()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "31/12/2024", commentary: "")).Report;
        var mail = OwnerEmail.For("milestones.csv", report, new Person("Office", "pmo@example.gov.uk"), []);

        Assert.Equal("Received: your milestones file for January 2025 was accepted", mail.Subject);
        Assert.Contains("one row and one warning", mail.Text, StringComparison.Ordinal);
        Assert.Contains("no commentary", mail.Text, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }
}

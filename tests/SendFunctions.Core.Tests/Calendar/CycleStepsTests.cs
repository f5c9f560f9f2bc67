using System.Globalization;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Reminders;

namespace SendFunctions.Core.Tests.Calendar;

/// <summary>The Health and Wellbeing Board's 13 March 2025 paper: draft Thursday 27 February, deadline Tuesday 4 March at 10:00.</summary>
public sealed class CycleStepsTests
{
    private static readonly WorkingDays Days = new();
    private static readonly ScheduledPaper Paper = PaperSchedule.For(PaperScheduleTests.With("2025-01-16", "2025-03-13"), Days)[1];

    [Theory]
    [InlineData("2025-02-26 09:00", null, false, "")] // before the draft day
    [InlineData("2025-02-27 09:00", null, false, "RequestDraft")]
    [InlineData("2025-02-27 11:00", 1, false, "SendDraft")]
    [InlineData("2025-02-28 09:00", 1, false, "SendDraft RemindSigner")]
    [InlineData("2025-03-01 09:00", 1, false, "SendDraft")] // Saturday: no reminder
    [InlineData("2025-03-03 09:00", 1, false, "SendDraft Escalate")] // the working day before the deadline: the lead is told
    [InlineData("2025-03-05 09:00", 1, false, "SendDraft Escalate")] // past the deadline, unsigned: still not sent
    [InlineData("2025-02-28 09:00", 1, true, "")] // signed off: nothing more (the sign-off queued the distribution)
    [InlineData("2025-03-14 09:00", 1, false, "")] // after the meeting
    public void For_Moment_TakesTheStepsDue(string localNow, int? version, bool signedOff, string expected)
    {
        var now = DateTime.ParseExact(localNow, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var steps = CycleSteps.For(Paper, now, new PaperState(version, signedOff), Days);
        Assert.Equal(expected, string.Join(' ', steps));
    }

    [Fact]
    public void KeyFor_EmailsOncePerVersionAndRemindersOncePerDay()
    {
        var day = new DateOnly(2025, 2, 28);
        Assert.Equal("signoff-hwb-board-v2-draft", CycleSteps.KeyFor(CycleStep.SendDraft, Paper, 2, day));
        Assert.Equal("signoff-hwb-board-v2-reminder-2025-02-28", CycleSteps.KeyFor(CycleStep.RemindSigner, Paper, 2, day));
        Assert.Equal("signoff-hwb-board-v2-escalation", CycleSteps.KeyFor(CycleStep.Escalate, Paper, 2, day));
        Assert.Equal("calendar-hwb-board-2025-03-13-draft-request-2025-02-28", CycleSteps.KeyFor(CycleStep.RequestDraft, Paper, null, day));
    }

    [Fact]
    public void SignOffEmails_NameTheBoardMonthsVersionAndDeadline()
    {
        var settings = Support.SampleStatus.Config.ReportFor("hwb-board")!;
        var lead = Support.SampleStatus.Config.Programme.Lead;
        var draft = SignOffEmail.Draft(Paper, settings, PaperScheduleTests.Signer, 2, "https://reporting.example.gov.uk/api/approve?token=t", new SendFunctions.Core.Mail.MailAttachment("d.docx", "application/octet-stream", [1]));
        Assert.Equal("For sign-off: Health and Wellbeing Board paper for December 2024 and January 2025 (version 2), needed by 10:00 on 4 March 2025", draft.Subject);
        Assert.Equal(["sam.taylor@example.gov.uk"], draft.To);
        Assert.Contains("https://reporting.example.gov.uk/api/approve?token=t", draft.Text, StringComparison.Ordinal);
        Assert.Single(draft.Attachments);

        var escalation = SignOffEmail.Escalation(Paper, settings, PaperScheduleTests.Signer, lead, 2);
        Assert.Equal([lead.Email], escalation.To);
        Assert.Equal(["sam.taylor@example.gov.uk"], escalation.Cc);
        Assert.Contains("It has not been sent.", escalation.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-03 09:00", true, "RequestRevision")] // signed off, then a correction: a new version, nothing else
    [InlineData("2025-02-28 09:00", false, "RequestRevision")] // a correction under an unsigned draft: no reminder about the outdated one
    [InlineData("2025-03-13 09:00", true, "RequestRevision")] // the meeting day itself
    [InlineData("2025-03-03 09:00", false, "RequestRevision Escalate")] // unsigned near the deadline: the lead is told all the same
    [InlineData("2025-03-14 09:00", true, "")] // after the meeting: nothing automatic
    [InlineData("2025-02-26 09:00", true, "")] // before the draft day
    public void For_DataChangedUnderTheVersion_AsksForANewVersionUntilTheMeeting(string localNow, bool signedOff, string expected)
    {
        var now = DateTime.ParseExact(localNow, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(expected, string.Join(' ', CycleSteps.For(Paper, now, new PaperState(1, signedOff, "0123456789abcdef"), Days)));
    }

    [Fact]
    public void KeyFor_RequestRevision_OncePerVersionAndSetOfInputs()
    {
        var day = new DateOnly(2025, 3, 3);
        Assert.Equal("calendar-hwb-board-2025-03-13-revision-of-v1-0123456789abcdef", CycleSteps.KeyFor(CycleStep.RequestRevision, Paper, 1, day, "0123456789abcdef"));
        Assert.Equal(CycleSteps.KeyFor(CycleStep.RequestRevision, Paper, 1, day, "0123456789abcdef"), CycleSteps.KeyFor(CycleStep.RequestRevision, Paper, 1, day.AddDays(1), "0123456789abcdef"));
    }
}

using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Templates;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Milestones.MilestoneRulesTests;

namespace SendFunctions.Core.Tests.Reminders;

public sealed class ReminderTemplateTests
{
    private static DueReminder MilestonesReminder() =>
        ReminderPlan.For(Date("2025-01-06"), SampleStatus.Config, _ => new HashSet<Dataset>(), new WorkingDays())
            .Single(r => r.Period == ReportingPeriod.Of(2024, 12) && r.Datasets[0] == Dataset.Milestones);

    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        ReturnTemplate.Write(stream, new TemplateRequest(Dataset.Milestones, ReportingPeriod.Of(2024, 12), null));
        return stream.ToArray();
    }

    [Fact]
    public void Attach_Template_EmailCarriesTheWorkbookAndSaysWhereItGoes()
    {
        var workbook = Template();

        var message = ReminderTemplate.Attach(MilestonesReminder(), workbook).Message;

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("milestones.xlsx", attachment.FileName);
        Assert.Equal(ReminderTemplate.ContentType, attachment.ContentType);
        Assert.Equal(workbook, attachment.Content);
        Assert.Contains("The return's template, milestones.xlsx, is attached", message.Text, StringComparison.Ordinal);
        Assert.Contains("upload it as drops/2024-12/milestones.xlsx", message.Text, StringComparison.Ordinal);
        Assert.Contains("is attached", message.Html, StringComparison.Ordinal);
        Assert.EndsWith("</p></body></html>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_NoTemplate_NotAttachedAndSaysHowToMakeIt()
    {
        var message = ReminderTemplate.Attach(MilestonesReminder(), null).Message;

        Assert.Empty(message.Attachments);
        Assert.Contains("sendfx template --dataset milestones --period 2024-12", message.Text, StringComparison.Ordinal);
        Assert.Contains("sendfx template --dataset milestones --period 2024-12", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_Escalation_Unchanged()
    {
        var escalation = ReminderPlan.For(Date("2025-01-09"), SampleStatus.Config, _ => new HashSet<Dataset>(), new WorkingDays())
            .First(r => r.Kind == ReminderKind.Escalation);

        Assert.Same(escalation, ReminderTemplate.Attach(escalation, Template()));
    }

    [Fact]
    public void Attach_SampleMilestonesTemplate_FitsTheQueueMessage()
    {
        var january = Templates.SampleReturns.Accepted(ReportingPeriod.Of(2025, 1), Dataset.Milestones);
        using var stream = new MemoryStream();
        ReturnTemplate.Write(stream, new TemplateRequest(Dataset.Milestones, ReportingPeriod.Of(2025, 2), january));

        var request = SendFunctions.Core.Mail.OwnerEmailRequest.For(ReportingPeriod.Of(2025, 2), "reminder", ReminderTemplate.Attach(MilestonesReminder(), stream.ToArray()).Message);

        // The queue holds 64 KB of Base64: 48 KB of JSON.
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(request.ToJson()), 1, SendFunctions.Core.Mail.OwnerEmailRequest.MaxMessageBytes);
        Assert.Single(request.Reminder!.Attachments);
        Assert.Same(request, request.ByReference().Request);
    }

    [Fact]
    public void ByReference_TemplateTooLargeForTheMessage_NamedByBlobFromTheEmailsIdentity()
    {
        var workbook = new byte[40 * 1024];
        var request = SendFunctions.Core.Mail.OwnerEmailRequest.For(ReportingPeriod.Of(2024, 12), "reminder-milestones-2025-01-06", ReminderTemplate.Attach(MilestonesReminder(), workbook).Message);

        var queued = request.ByReference();

        var blob = Assert.Single(queued.Blobs);
        Assert.Equal("2024-12/reminder-milestones-2025-01-06/0-milestones.xlsx", blob.Blob);
        Assert.Same(workbook, blob.Attachment.Content);
        Assert.Empty(queued.Request.Reminder!.Attachments);
        Assert.Equal(new SendFunctions.Core.Mail.StoredAttachment("milestones.xlsx", ReminderTemplate.ContentType, blob.Blob), Assert.Single(queued.Request.StoredAttachments!));
        Assert.Equal(queued.Request.StoredAttachments, SendFunctions.Core.Mail.OwnerEmailRequest.FromJson(queued.Request.ToJson())!.StoredAttachments);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(queued.Request.ToJson()), 1, SendFunctions.Core.Mail.OwnerEmailRequest.MaxMessageBytes);
    }
}

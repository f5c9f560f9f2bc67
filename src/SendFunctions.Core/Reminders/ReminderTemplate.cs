using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Templates;

namespace SendFunctions.Core.Reminders;

/// <summary>
/// A reminder to an owner carries the return's template for the month (docs/owners.md), last month's rows filled in. The
/// workbook too large for an owner-emails message travels by reference (<see cref="Mail.OwnerEmailRequest.ByReference"/>);
/// only when no template could be made does the email say how to make it with sendfx instead.
/// </summary>
public static class ReminderTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="workbook">The template's bytes; null when none could be made.</param>
    public static DueReminder Attach(DueReminder reminder, byte[]? workbook)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder.Kind != ReminderKind.Reminder)
        {
            return reminder;
        }

        var dataset = reminder.Datasets[0];
        var name = ReturnTemplate.FileName(dataset);
        var path = ReturnTemplate.UploadPath(dataset, reminder.Period);
        var attached = workbook is { Length: > 0 };
        var note = attached
            ? $"The return's template, {name}, is attached: last month's rows are filled in and its Instructions sheet says what to complete. Save it under that name and upload it as {path}."
            : $"A template for the return, with last month's rows filled in, is made by: sendfx template --dataset {dataset.ToSlug()} --period {reminder.Period} --account <storage account> --out {name} (docs/owners.md). Upload it as {path}.";
        var message = reminder.Message;
        var body = message.Html.LastIndexOf("</body>", StringComparison.Ordinal);
        return reminder with
        {
            Message = message with
            {
                Text = $"{message.Text}\n\n{note}",
                Html = body < 0 ? message.Html : message.Html.Insert(body, Html.P(note)),
                Attachments = attached ? [.. message.Attachments, new MailAttachment(name, ContentType, workbook!)] : message.Attachments,
            },
        };
    }
}

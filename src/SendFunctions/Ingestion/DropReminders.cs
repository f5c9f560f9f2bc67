using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Hosting;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.Ingestion;

/// <summary>
/// On schedule (<c>%DropRemindersSchedule%</c>, default weekdays 08:00): remind owners of missing drops before their due
/// day, escalate after it. Each email is queued on <c>owner-emails</c>, keyed by dataset and day, so a second run on one
/// day sends nothing more and a failed send is retried by the queue.
/// </summary>
public sealed class DropReminders(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, ProgrammeClock clock, ILogger<DropReminders> log, Recovery.InFlightWork work)
{
    [FunctionName(nameof(DropReminders))]
    public async Task Run([TimerTrigger("%DropRemindersSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var started = clock.UtcNow;
        var today = clock.Today;
        if ((await ProgrammeConfigStore.LoadAsync(blobs, log, ct)).Config is not { } config)
        {
            return;
        }

        var accepted = new Dictionary<ReportingPeriod, IReadOnlySet<Dataset>>();
        foreach (var month in ReminderPlan.PeriodsToCheck(today))
        {
            accepted[month] = await CuratedStore.AcceptedAsync(blobs, month, ct);
        }

        var queued = 0;
        var calendar = new WorkingDays(config.Programme.ExtraBankHolidays);
        foreach (var planned in ReminderPlan.For(today, config, month => accepted[month], calendar))
        {
            var reminder = planned.Kind == ReminderKind.Reminder && config.DatasetFor(planned.Datasets[0]) is { } settings
                ? ReminderTemplate.Attach(planned, (await ReturnTemplates.BuildAsync(blobs, planned.Datasets[0], planned.Period, ReturnsDue.DueDate(planned.Period, settings, calendar), ct)).Workbook)
                : planned;
            await OwnerMail.QueueAsync(blobs, queues, OwnerEmailRequest.For(reminder.Period, reminder.KeyFor(today), reminder.Message), ct, work);
            queued++;
        }

        var period = ReportingPeriod.Containing(today).Previous;
        await RunLedger.RecordAsync(tables, RunRow.RemindersSent(
            period.ToString(), today, queued,
            $"{queued} queued on {today:yyyy-MM-dd}; accepted so far for {period}: {string.Join(", ", accepted[period].Select(d => d.ToSlug()))}",
            started, clock.UtcNow), log, ct);
    }
}

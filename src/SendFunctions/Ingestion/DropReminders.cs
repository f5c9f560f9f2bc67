using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Hosting;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.Ingestion;

/// <summary>On schedule (<c>%DropRemindersSchedule%</c>, default weekdays 08:00): remind owners of missing drops before their due day, escalate after it.</summary>
public sealed class DropReminders(BlobServiceClient blobs, TableServiceClient tables, MailDelivery mail, ProgrammeClock clock, ILogger<DropReminders> log)
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

        var sent = 0;
        foreach (var reminder in ReminderPlan.For(today, config, month => accepted[month], new WorkingDays(config.Programme.ExtraBankHolidays)))
        {
            try
            {
                var result = await mail.DeliverAsync(reminder.Period.ToString(), reminder.KeyFor(today), reminder.Message, ct);
                sent += result.Status == DeliveryStatus.Sent ? 1 : 0;
            }
            catch (MailSendException ex)
            {
                Log.ReminderFailed(log, reminder.Period, string.Join(", ", reminder.Datasets.Select(d => d.ToSlug())), ex.Message);
            }
        }

        var period = ReportingPeriod.Containing(today).Previous;
        await RunLedger.RecordAsync(tables, RunRow.RemindersSent(
            period.ToString(), today, sent,
            $"{sent} sent on {today:yyyy-MM-dd}; accepted so far for {period}: {string.Join(", ", accepted[period].Select(d => d.ToSlug()))}",
            started, clock.UtcNow), log, ct);
    }
}

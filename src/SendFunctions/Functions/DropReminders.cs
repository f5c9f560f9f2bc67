using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Mail;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>On schedule (<c>%DropRemindersSchedule%</c>, default weekdays 08:00): remind owners of missing drops before their due day, escalate after it.</summary>
public sealed class DropReminders(BlobServiceClient blobs, TableServiceClient tables, MailDelivery mail, TimeProvider time, IOptions<ProgrammeOptions> options, ILogger<DropReminders> log)
{
    [FunctionName(nameof(DropReminders))]
    public async Task Run([TimerTrigger("%DropRemindersSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        var started = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(started, options.Value.TimeZone).DateTime);
        var config = (await ProgrammeConfigStore.LoadAsync(blobs, ct)).Config;
        if (config is null)
        {
            return;
        }

        var accepted = new Dictionary<ReportingPeriod, IReadOnlySet<Dataset>>();
        foreach (var month in ReminderPlan.PeriodsToCheck(today))
        {
            accepted[month] = await AcceptedDatasetsAsync(month, ct);
        }

        var period = ReportingPeriod.Containing(today).Previous;
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
                Log.ReminderFailed(log, reminder.Period, reminder.Dataset, ex.Message);
            }
        }

        await RunLedger.RecordAsync(tables, new RunRecord(
            period.ToString(), $"{nameof(DropReminders)}-{today:yyyy-MM-dd}", nameof(DropReminders), RunOutcome.Succeeded,
            $"reminders for {period}", $"{sent} sent on {today:yyyy-MM-dd}; accepted so far for {period}: {string.Join(", ", accepted[period].Select(d => d.ToSlug()))}",
            started, time.GetUtcNow(), new Dictionary<string, int> { ["Sent"] = sent }), log, ct);
    }

    private async Task<HashSet<Dataset>> AcceptedDatasetsAsync(ReportingPeriod period, CancellationToken ct)
    {
        var curated = blobs.GetBlobContainerClient(StorageLayout.Curated);
        var accepted = new HashSet<Dataset>();
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            if (await curated.GetBlobClient(StorageLayout.CuratedName(period, dataset)).ExistsAsync(ct))
            {
                accepted.Add(dataset);
            }
        }

        return accepted;
    }
}

using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reminders;

public enum ReminderKind
{
    Reminder,
    Escalation,
}

/// <summary>One email to send today about a missing drop; <see cref="KeyFor"/> makes it once per dataset and day.</summary>
public sealed record DueReminder(ReportingPeriod Period, Dataset Dataset, ReminderKind Kind, DateOnly DueDate, MailMessage Message)
{
    /// <summary>The delivery ledger's row: one per kind, dataset and day.</summary>
    public string KeyFor(DateOnly today) => $"{(Kind == ReminderKind.Reminder ? "reminder" : "escalation")}-{Dataset.ToSlug()}-{today:yyyy-MM-dd}";
}

/// <summary>
/// Which reminders are due on a day. The drops for a month are due on the configured working day of the
/// next month. From <c>ReminderWorkingDays</c> working days before that day up to it, the owner of each
/// dataset not yet accepted is reminded; after it, the programme lead is told (owner copied). Only on
/// working days, and never once the file has been accepted.
/// </summary>
public static class ReminderPlan
{
    /// <summary>
    /// The month just ended (its drops fall due this month) and the current month (whose reminders can start in
    /// its last days when the due day is early in the next month).
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsToCheck(DateOnly today) => [ReportingPeriod.Containing(today).Previous, ReportingPeriod.Containing(today)];

    /// <param name="accepted">The datasets accepted so far for a period.</param>
    public static IReadOnlyList<DueReminder> For(DateOnly today, ReportingConfig config, Func<ReportingPeriod, IReadOnlySet<Dataset>> accepted, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsWorkingDay(today))
        {
            return [];
        }

        var reminders = new List<DueReminder>();
        foreach (var period in PeriodsToCheck(today))
        {
            var received = accepted(period);
            foreach (var dataset in Enum.GetValues<Dataset>())
            {
                if (received.Contains(dataset) || config.DatasetFor(dataset) is not { } settings)
                {
                    continue;
                }

                var due = calendar.NthWorkingDay(period.Next.Year, period.Next.Month, settings.DueWorkingDay);
                var remindFrom = calendar.WorkingDaysBefore(due, config.Programme.ReminderWorkingDays);
                if (today >= remindFrom && today <= due)
                {
                    reminders.Add(new DueReminder(period, dataset, ReminderKind.Reminder, due, Reminder(period, dataset, settings.Owner, due, today)));
                }
                else if (today > due && period.Next.Contains(today))
                {
                    // Escalations run until the end of the month the drop was due in; after that the month's papers have gone.
                    reminders.Add(new DueReminder(period, dataset, ReminderKind.Escalation, due, Escalation(period, dataset, settings.Owner, config.Programme.Lead, due, today, calendar)));
                }
            }
        }

        return reminders;
    }

    private static MailMessage Reminder(ReportingPeriod period, Dataset dataset, Person owner, DateOnly due, DateOnly today)
    {
        var when = due == today ? "today" : $"on {Words.Date(due)}";
        var subject = $"Reminder: the {dataset.ToSlug()} return for {period.ToLongName()} is due {when}";
        var text = $"Dear {owner.Name},\n\nThe {dataset.ToSlug()} return for {period.ToLongName()} is due {when} and has not been received yet (or the last upload was not accepted). Please upload it to drops/{period}/{dataset.ToSlug()}.csv or .xlsx.\n\nYou will receive a receipt, or a list of anything to correct, as soon as it arrives.";
        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, text.Split("\n\n").Select(Html.P)), text, []);
    }

    private static MailMessage Escalation(ReportingPeriod period, Dataset dataset, Person owner, Person lead, DateOnly due, DateOnly today, WorkingDays calendar)
    {
        var late = 0;
        for (var d = due.AddDays(1); d <= today; d = d.AddDays(1))
        {
            late += calendar.IsWorkingDay(d) ? 1 : 0;
        }

        var subject = $"Overdue: the {dataset.ToSlug()} return for {period.ToLongName()} is {Words.Count(late, "working day")} late";
        var text = $"Dear {lead.Name},\n\nThe {dataset.ToSlug()} return for {period.ToLongName()} from {owner.Name} was due on {Words.Date(due)} and has not been accepted. The papers for {period.ToLongName()} cannot be completed without it.\n\n{owner.Name} is copied into this email.";
        return new MailMessage([lead.Email], [owner.Email], [], subject, Html.Document(subject, text.Split("\n\n").Select(Html.P)), text, []);
    }
}

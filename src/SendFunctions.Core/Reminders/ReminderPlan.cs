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

/// <summary>
/// One email to send today about missing drops: a reminder to one dataset's owner, or the day's escalation digest to the
/// lead covering every late return of the period. <see cref="KeyFor"/> makes each once per day.
/// </summary>
public sealed record DueReminder(ReportingPeriod Period, IReadOnlyList<Dataset> Datasets, ReminderKind Kind, MailMessage Message)
{
    /// <summary>The delivery ledger's row: a reminder per dataset and day, one escalation digest per day.</summary>
    public string KeyFor(DateOnly today) => Kind == ReminderKind.Reminder
        ? $"reminder-{Datasets[0].ToSlug()}-{today:yyyy-MM-dd}"
        : $"escalation-{today:yyyy-MM-dd}";
}

/// <summary>
/// Which reminders are due on a day. The drops for a month are due on the configured working day of the
/// next month. From <c>ReminderWorkingDays</c> working days before that day up to it, the owner of each
/// dataset not yet accepted is reminded; after it, the programme lead gets one email a day listing every late
/// return (owners copied), until the end of that month and never after the programme's deadline or end date (<see cref="ReturnDates"/>). Only on
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
        if (!calendar.IsWorkingDay(today) || config.Programme.EndDate < today)
        {
            // Once the programme has ended nobody is chased for a return.
            return [];
        }

        var reminders = new List<DueReminder>();
        var replyTo = config.Programme.ReplyToAddress;
        foreach (var period in PeriodsToCheck(today))
        {
            var received = accepted(period);
            var late = new List<LateReturn>();
            foreach (var dataset in Enum.GetValues<Dataset>())
            {
                if (received.Contains(dataset) || config.DatasetFor(dataset) is not { } settings)
                {
                    continue;
                }

                var dates = ReturnDates.For(period, dataset, settings, config.Programme, calendar);
                var due = dates.Due;
                if (dates.Reminds(today))
                {
                    reminders.Add(new DueReminder(period, [dataset], ReminderKind.Reminder, Reminder(period, dataset, settings.Owner, due, today) with { ReplyTo = replyTo }));
                }
                else if (dates.Escalates(today))
                {
                    late.Add(new LateReturn(dataset, settings.Owner, due, WorkingDaysLate(due, today, calendar)));
                }
            }

            if (late.Count > 0)
            {
                reminders.Add(new DueReminder(period, late.Select(l => l.Dataset).ToList(), ReminderKind.Escalation, Escalation(period, late, config.Programme.Lead) with { ReplyTo = replyTo }));
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

    private static MailMessage Escalation(ReportingPeriod period, IReadOnlyList<LateReturn> late, Person lead)
    {
        var month = period.ToLongName();
        var subject = late.Count == 1
            ? $"Overdue: the {late[0].Dataset.ToSlug()} return for {month} is {Words.Count(late[0].WorkingDaysLate, "working day")} late"
            : $"Overdue: {Words.Count(late.Count, "return")} for {month} are late ({Words.List(late.Select(l => l.Dataset.ToSlug()).ToList())})";
        var lines = late.Select(l => $"The {l.Dataset.ToSlug()} return from {l.Owner.Name} was due on {Words.Date(l.Due)} and is {Words.Count(l.WorkingDaysLate, "working day")} late.");
        var owners = late.Select(l => l.Owner).DistinctBy(o => o.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var text = $"Dear {lead.Name},\n\n{string.Join("\n\n", lines)}\n\nNot accepted yet: the papers for {month} cannot be completed without {(late.Count == 1 ? "it" : "them")}.\n\n{Words.List(owners.Select(o => o.Name).ToList())} {(owners.Count == 1 ? "is" : "are")} copied into this email.";
        return new MailMessage([lead.Email], owners.Select(o => o.Email).ToList(), [], subject, Html.Document(subject, text.Split("\n\n").Select(Html.P)), text, []);
    }

    /// <summary>Working days after the due day up to and including today.</summary>
    private static int WorkingDaysLate(DateOnly due, DateOnly today, WorkingDays calendar)
    {
        var late = 0;
        for (var d = due.AddDays(1); d <= today; d = d.AddDays(1))
        {
            late += calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return late;
    }

    private sealed record LateReturn(Dataset Dataset, Person Owner, DateOnly Due, int WorkingDaysLate);
}

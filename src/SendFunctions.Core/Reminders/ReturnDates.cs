using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Reminders;

/// <summary>The next email <see cref="ReminderPlan"/> will send about a return not yet accepted, and on which day.</summary>
public readonly record struct NextReminder(ReminderKind Kind, DateOnly On);

/// <summary>
/// The dates <see cref="ReminderPlan"/> works to for one month's return: its owner is reminded on working days from
/// <see cref="RemindFrom"/> to <see cref="Due"/>; after that the lead is sent the escalation digest on working days from
/// <see cref="EscalateFrom"/> to <see cref="EscalateUntil"/>, or never when <see cref="EscalateFrom"/> is null.
/// </summary>
public sealed record ReturnDates(ReportingPeriod Period, Dataset Dataset, DateOnly RemindFrom, DateOnly Due, DateOnly? EscalateFrom, DateOnly? EscalateUntil)
{
    /// <summary>
    /// Escalations run until the end of the month the return was due in (after that the month's papers have gone), and not
    /// after the programme's deadline or its end date.
    /// </summary>
    public static ReturnDates For(ReportingPeriod period, Dataset dataset, DatasetSettings settings, ProgrammeSettings programme, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(days);
        var due = ReturnsDue.DueDate(period, settings, days);
        var remindFrom = days.WorkingDaysBefore(due, programme.ReminderWorkingDays);
        var until = period.Next.AsOf;
        until = programme.Deadline < until ? programme.Deadline : until;
        until = programme.EndDate is { } end && end < until ? end : until;
        var from = due.AddDays(1);
        while (!days.IsWorkingDay(from))
        {
            from = from.AddDays(1);
        }

        return from <= until ? new ReturnDates(period, dataset, remindFrom, due, from, until) : new ReturnDates(period, dataset, remindFrom, due, null, null);
    }

    /// <summary>The dates of every configured return for a month.</summary>
    public static IReadOnlyList<ReturnDates> For(ReportingPeriod period, ReportingConfig config, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Enum.GetValues<Dataset>()
            .Select(d => (Dataset: d, Settings: config.DatasetFor(d)))
            .Where(d => d.Settings is not null)
            .Select(d => For(period, d.Dataset, d.Settings!, config.Programme, days))
            .ToList();
    }

    public bool Reminds(DateOnly today) => today >= RemindFrom && today <= Due;

    /// <summary>The first working day from <paramref name="today"/> on which a reminder or escalation is due; null when none will be.</summary>
    public NextReminder? NextFrom(DateOnly today, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var last = EscalateUntil is { } until && until > Due ? until : Due;
        for (var day = today < RemindFrom ? RemindFrom : today; day <= last; day = day.AddDays(1))
        {
            if (!days.IsWorkingDay(day))
            {
                continue;
            }

            if (Reminds(day))
            {
                return new NextReminder(ReminderKind.Reminder, day);
            }

            if (Escalates(day))
            {
                return new NextReminder(ReminderKind.Escalation, day);
            }
        }

        return null;
    }

    public bool Escalates(DateOnly today) => EscalateFrom is { } from && EscalateUntil is { } until && today >= from && today <= until;
}

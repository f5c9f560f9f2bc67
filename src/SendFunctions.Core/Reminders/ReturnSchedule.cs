using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Reminders;

/// <summary>The next email <see cref="ReminderPlan"/> will send about a return not yet accepted, and on which day.</summary>
public readonly record struct NextReminder(ReminderKind Kind, DateOnly On);

/// <summary>
/// When a dataset's return for a period falls due, and the days <see cref="ReminderPlan"/> acts on it: owner reminders on
/// the working days from <see cref="RemindFrom"/> to <see cref="Due"/>, then the lead's daily escalation on the working days
/// after it up to <see cref="EscalateUntil"/> (the end of the month it was due in, never past the programme's deadline).
/// </summary>
public sealed record ReturnSchedule(ReportingPeriod Period, Dataset Dataset, DateOnly RemindFrom, DateOnly Due, DateOnly EscalateUntil)
{
    public static ReturnSchedule For(ReportingPeriod period, Dataset dataset, DatasetSettings settings, ProgrammeSettings programme, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.NthWorkingDay(period.Next.Year, period.Next.Month, settings.DueWorkingDay);
        var endOfMonth = period.Next.AsOf;
        return new ReturnSchedule(period, dataset, calendar.WorkingDaysBefore(due, programme.ReminderWorkingDays), due, endOfMonth < programme.Deadline ? endOfMonth : programme.Deadline);
    }

    /// <summary>The first working day from <paramref name="today"/> on which a reminder or escalation is due; null when none will be.</summary>
    public NextReminder? NextFrom(DateOnly today, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var day = today < RemindFrom ? RemindFrom : today; day <= EscalateUntil || day <= Due; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            if (day <= Due)
            {
                return new NextReminder(ReminderKind.Reminder, day);
            }

            if (day <= EscalateUntil)
            {
                return new NextReminder(ReminderKind.Escalation, day);
            }
        }

        return null;
    }
}

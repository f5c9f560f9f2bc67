using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// The committee papers the calendar asks for, worked out from configuration alone so that the timer and
/// <c>sendfx schedule</c> agree. For each meeting: the deadline is <c>deadlineWorkingDays</c> working days before it, the
/// draft <c>signOffWorkingDays</c> working days before the deadline, and the paper covers every month after the last month
/// the kind's previous paper covered up to the latest month whose returns were all due before the draft day.
/// </summary>
public static class PaperSchedule
{
    public static IReadOnlyList<ScheduledPaper> For(ReportingConfig config, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ReportCalendar.Resolve(config).Calendars
            .SelectMany(c => For(c, config, days))
            .OrderBy(p => p.Draft).ThenBy(p => p.Report)
            .ToList();
    }

    /// <summary>
    /// One kind's papers. Meetings after <c>programme.endDate</c> get no paper except the first, the final paper, which covers
    /// no month after the one the programme ends in. A paper whose draft comes before any new month is due repeats the
    /// latest month (the committee still meets and still reads the tracker).
    /// </summary>
    public static IReadOnlyList<ScheduledPaper> For(ReportCalendar calendar, ReportingConfig config, WorkingDays days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(days);
        var end = config.Programme?.EndDate;
        var papers = new List<ScheduledPaper>();
        ReportingPeriod? covered = null;
        foreach (var meeting in calendar.Meetings)
        {
            var final = end is { } e && meeting > e;
            var deadline = days.WorkingDaysBefore(meeting, calendar.DeadlineWorkingDays);
            var draft = days.WorkingDaysBefore(deadline, calendar.SignOffWorkingDays);
            var latest = ReturnsDue.LatestDueBefore(draft, config, days);
            if (end is { } last && latest > ReportingPeriod.Containing(last))
            {
                latest = ReportingPeriod.Containing(last);
            }

            var first = covered is { } c && c < latest ? c.Next : latest;
            papers.Add(new ScheduledPaper(calendar.Kind, meeting, draft, deadline, calendar.DeadlineTime, Months(first, latest), final));
            covered = covered is { } previous && previous > latest ? previous : latest;
            if (final)
            {
                break;
            }
        }

        return papers;
    }

    /// <summary>
    /// The cover (months and meeting) of the kind's paper that the calendar files under <paramref name="period"/>, as the
    /// timer asks for it, so that a re-run by ops makes the same paper. Null cover and null problem: the kind has no calendar
    /// (a month's paper). When two meetings' papers are filed under the same month, <paramref name="meeting"/> chooses.
    /// </summary>
    public static (PaperCover? Cover, string? Problem) CoverFor(ReportingConfig config, WorkingDays days, ReportKind kind, ReportingPeriod period, DateOnly? meeting = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (ReportCalendar.Resolve(config).Calendars.FirstOrDefault(c => c.Kind == kind) is not { } calendar)
        {
            return (null, null);
        }

        var papers = For(calendar, config, days).Where(p => p.Period == period && (meeting is null || p.Meeting == meeting)).ToList();
        return papers.Count switch
        {
            1 => (new PaperCover(papers[0].Periods, papers[0].Meeting), null),
            0 => (null, $"The {kind.ToSlug()} calendar has no paper filed under {period}{(meeting is { } m ? $" for the meeting on {m:yyyy-MM-dd}" : string.Empty)} (sendfx schedule lists its papers)."),
            _ => (null, $"The {kind.ToSlug()} calendar files the papers of several meetings under {period} ({string.Join(", ", papers.Select(p => p.Meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}): choose one with --meeting."),
        };
    }

    /// <summary>The meeting of the kind's scheduled paper covering exactly <paramref name="months"/>, if the calendar has one.</summary>
    public static DateOnly? MeetingFor(ReportingConfig config, WorkingDays days, ReportKind kind, IReadOnlyList<ReportingPeriod> months)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(months);
        var papers = For(config, days).Where(p => p.Report == kind && p.Periods.SequenceEqual(months)).ToList();
        return papers.Count == 1 ? papers[0].Meeting : null;
    }

    private static List<ReportingPeriod> Months(ReportingPeriod first, ReportingPeriod last)
    {
        var months = new List<ReportingPeriod>();
        for (var p = first; p <= last; p = p.Next)
        {
            months.Add(p);
        }

        return months;
    }
}

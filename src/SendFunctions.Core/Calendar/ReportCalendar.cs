using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// One report kind's committee calendar, checked: its meetings in date order, each distinct, and a signer with an address.
/// Made only by <see cref="Resolve"/>, so a calendar that exists is usable.
/// </summary>
public sealed record ReportCalendar
{
    private ReportCalendar(ReportKind kind, IReadOnlyList<DateOnly> meetings, int deadlineWorkingDays, TimeOnly deadlineTime, int signOffWorkingDays, Person signer, bool reissueOnCorrection)
    {
        Kind = kind;
        Meetings = meetings;
        DeadlineWorkingDays = deadlineWorkingDays;
        DeadlineTime = deadlineTime;
        SignOffWorkingDays = signOffWorkingDays;
        Signer = signer;
        ReissueOnCorrection = reissueOnCorrection;
    }

    public ReportKind Kind { get; }

    /// <summary>Ascending, no repeats.</summary>
    public IReadOnlyList<DateOnly> Meetings { get; }

    public int DeadlineWorkingDays { get; }

    /// <summary>UK local time on the deadline day.</summary>
    public TimeOnly DeadlineTime { get; }

    public int SignOffWorkingDays { get; }

    public Person Signer { get; }

    /// <summary>Whether an approved revision goes to the list when an earlier version already went (<see cref="CalendarSettings.ReissueOnCorrection"/>).</summary>
    public bool ReissueOnCorrection { get; }

    /// <summary>
    /// Every report kind's calendar, and a sentence per problem naming the setting. A kind with a problem has no calendar.
    /// Kinds that are not report kinds are left to <see cref="ReportingConfig.Parse"/>.
    /// </summary>
    public static CalendarResolution Resolve(ReportingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var calendars = new List<ReportCalendar>();
        var problems = new List<string>();
        foreach (var (name, report) in config.Reports ?? new Dictionary<string, ReportSettings>())
        {
            if (report?.Calendar is { } settings && ReportKinds.TryParse(name, out var kind))
            {
                var before = problems.Count;
                var calendar = Check($"reports.{name}.calendar", kind, settings, problems);
                if (calendar is not null && problems.Count == before)
                {
                    calendars.Add(calendar);
                }
            }
        }

        return new CalendarResolution(calendars.OrderBy(c => c.Kind).ToList(), problems);
    }

    private static ReportCalendar? Check(string setting, ReportKind kind, CalendarSettings settings, List<string> problems)
    {
        var meetings = new SortedSet<DateOnly>();
        foreach (var text in settings.Meetings ?? [])
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meeting))
            {
                problems.Add($"{setting}.meetings: '{text}' is not a date written yyyy-MM-dd.");
            }
            else if (!meetings.Add(meeting))
            {
                problems.Add($"{setting}.meetings: {text} is listed twice.");
            }
        }

        if (settings.Meetings is null || settings.Meetings.Count == 0)
        {
            problems.Add($"{setting}.meetings needs at least one meeting date.");
        }

        if (settings.DeadlineWorkingDays < 0)
        {
            problems.Add($"{setting}.deadlineWorkingDays cannot be negative.");
        }

        if (settings.SignOffWorkingDays < 0)
        {
            problems.Add($"{setting}.signOffWorkingDays cannot be negative.");
        }

        if (!TimeOnly.TryParseExact(settings.DeadlineTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            problems.Add($"{setting}.deadlineTime: '{settings.DeadlineTime}' is not a time of day written HH:mm (such as 10:00).");
        }

        if (settings.SignOff is not { } signer || string.IsNullOrWhiteSpace(signer.Email))
        {
            problems.Add($"{setting}.signOff.email is required: who signs the paper off before it is distributed.");
            return null;
        }

        return new ReportCalendar(kind, [.. meetings], settings.DeadlineWorkingDays, time, settings.SignOffWorkingDays, signer, settings.ReissueOnCorrection);
    }
}

/// <param name="Problems">Errors: the configuration cannot be used.</param>
public sealed record CalendarResolution(IReadOnlyList<ReportCalendar> Calendars, IReadOnlyList<string> Problems);

using NCrontab;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Mailing;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Status;

/// <summary>What happens next for a period: the reminder plan's next email per missing return, the cycle's next run, and what each paper waits for.</summary>
internal static class NextSteps
{
    public static IReadOnlyList<NextStep> For(
        ReportingPeriod period, DateTimeOffset now, DateOnly today, TimeZoneInfo zone, ReportingConfig? config, WorkingDays calendar,
        IReadOnlyList<ReturnReport> returns, IReadOnlyList<PaperReport> papers, IReadOnlyList<RunRow> runs, string cycleSchedule)
    {
        var steps = new List<NextStep>();
        foreach (var missing in returns.Where(r => r.State != DatasetState.Accepted))
        {
            steps.Add(ForReturn(period, today, config, calendar, missing));
        }

        if (runs.LastOrDefault(r => r.Function == nameof(Reporting.MonthlyReportCycle)) is { } cycle)
        {
            steps.Add(new NextStep(null, cycle.StartedAt, $"The monthly report cycle requested every paper for {period} (done)."));
        }

        if (NextCycle(cycleSchedule, now, zone) is { } run)
        {
            var requests = ReportingPeriod.Containing(DateOnly.FromDateTime(run.DateTime)).Previous;
            steps.Add(new NextStep(null, run, $"The monthly report cycle ({cycleSchedule}) next runs and requests every paper for {requests}."));
        }

        var milestones = returns.First(r => r.Dataset == Dataset.Milestones);
        foreach (var paper in papers)
        {
            if (ForPaper(period, paper, milestones.State == DatasetState.Accepted) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static NextStep ForReturn(ReportingPeriod period, DateOnly today, ReportingConfig? config, WorkingDays calendar, ReturnReport missing)
    {
        var name = $"the {missing.Dataset.ToSlug()} return ({missing.State.ToString().ToLowerInvariant()})";
        if (config?.DatasetFor(missing.Dataset) is not { } settings)
        {
            return new NextStep(null, null, $"No reminders for {name}: reporting.json does not list the dataset.");
        }

        var schedule = ReturnDates.For(period, missing.Dataset, settings, config.Programme, calendar);
        var owner = settings.Owner.Role is { } role ? $"the owner ({role})" : "its owner";
        return schedule.NextFrom(today, calendar) switch
        {
            { Kind: ReminderKind.Reminder } next => new NextStep(next.On, null, $"Reminder to {owner} about {name}, due {schedule.Due:yyyy-MM-dd}."),
            { } next => new NextStep(next.On, null, $"Escalation to the programme lead: {name} was due {schedule.Due:yyyy-MM-dd}."),
            null => new NextStep(null, null, $"No more reminders for {name} (due {schedule.Due:yyyy-MM-dd}; {(schedule.EscalateUntil is { } until ? $"escalations ended {until:yyyy-MM-dd}" : "no escalations after it")}): ask {owner} directly."),
        };
    }

    private static NextStep? ForPaper(ReportingPeriod period, PaperReport paper, bool milestonesAccepted)
    {
        var kind = paper.Kind.ToSlug();
        var request = $"sendfx request --period {period} --report {kind}";
        if (paper.Versions.Count == 0)
        {
            return milestonesAccepted ? new NextStep(null, null, $"{kind}: no paper yet; the cycle makes it, or now: {request}.") : null;
        }

        var latest = paper.Versions[^1];
        var name = $"{kind} v{latest.Version}";
        var resend = $"sendfx resend --period {period} --report {kind}";
        var notDelivered = latest.Deliveries.SelectMany(d => d.Recipients).Count(r => r.State.IsFailure());
        return latest switch
        {
            { Stage: PaperStage.Incomplete } => new NextStep(null, null, $"{name} is incomplete (its generation stopped before the manifest); the next request writes it again: {request}."),
            { Stage: PaperStage.FailedChecks } => new NextStep(null, null, $"{name} failed its run-time checks and is not emailed: fix the cause (docs/operations.md), then {request}."),
            { Deliveries.Count: 0 } => new NextStep(null, null, $"{name} has no email recorded yet: its request waits on the email-requests queue (sendfx runs --period {period} shows failures)."),
            _ when latest.Deliveries.Any(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed or DeliveryStatus.Poisoned) =>
                new NextStep(null, null, $"{name}: an email is {string.Join(", ", latest.Deliveries.Select(d => d.Status).Distinct())}: check its last error (docs/operations.md, \"Delivery states\"), then {resend}."),
            _ when notDelivered > 0 => new NextStep(null, null, $"{name}: {notDelivered} recipient(s) bounced or dropped: correct the address in reporting.json, then {resend}."),
            _ when latest.Deliveries.All(d => d.Status == DeliveryStatus.Sent) => null,
            _ => new NextStep(null, null, $"{name}: being sent; retried automatically."),
        };
    }

    /// <summary>The next run of the NCRONTAB schedule (six fields) in the host's time zone; null when it does not parse.</summary>
    private static DateTimeOffset? NextCycle(string schedule, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not { } cron)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var next = cron.GetNextOccurrence(local);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx schedule --config FILE [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--json]</c>: the committee papers the calendar asks
/// for (meetings from --from to --to), computed by <see cref="PaperSchedule"/> as the cycle's timer computes them, with the
/// reminder and escalation dates of every return each paper covers.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<FileInfo>("--config") { Description = "reporting.json.", Required = true };
        var from = new Option<string?>("--from") { Description = "Only meetings on or after this day, yyyy-MM-dd." };
        var to = new Option<string?>("--to") { Description = "Only meetings on or before this day, yyyy-MM-dd." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array, one object per paper." };
        var command = new Command("schedule", "Print the committee papers' meetings, draft days, deadlines and the months they cover.") { config, from, to, json };
        command.SetAction(result => Run(result.GetValue(config)!, result.GetValue(from), result.GetValue(to), result.GetValue(json), output, error));
        return command;
    }

    private static int Run(FileInfo file, string? fromText, string? toText, bool json, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"No such file: {file.FullName}");
            return SendfxApp.Usage;
        }

        if (!TryDate("--from", fromText, DateOnly.MinValue, error, out var from) || !TryDate("--to", toText, DateOnly.MaxValue, error, out var to))
        {
            return SendfxApp.Usage;
        }

        var parsed = ReportingConfig.Parse(File.ReadAllBytes(file.FullName));
        if (parsed.Config is not { } config)
        {
            error.WriteLine($"{file.FullName}: {string.Join(" ", parsed.Problems)}");
            return SendfxApp.Failed;
        }

        var days = new WorkingDays(config.Programme.ExtraBankHolidays);
        var papers = PaperSchedule.For(config, days).Where(p => p.Meeting >= from && p.Meeting <= to).ToList();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(papers.Select(p => SchedulePaperJson.From(p, config, days)), Json.Options));
            return SendfxApp.Ok;
        }

        if (papers.Count == 0)
        {
            output.WriteLine("No committee papers in that range (is there a reports.{kind}.calendar in reporting.json?).");
        }

        foreach (var paper in papers)
        {
            Write(paper, config, days, output);
        }

        return SendfxApp.Ok;
    }

    private static void Write(ScheduledPaper paper, ReportingConfig config, WorkingDays days, TextWriter output)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        output.WriteLine(string.Create(culture, $"{paper.Report.ToSlug()}: meeting {paper.Meeting:ddd d MMM yyyy}{(paper.Final ? " (final paper)" : string.Empty)}"));
        output.WriteLine(string.Create(culture, $"  draft for sign-off {paper.Draft:ddd d MMM yyyy}, deadline {paper.Deadline:ddd d MMM yyyy} {paper.DeadlineTime:HH:mm}"));
        output.WriteLine($"  covers {string.Join(", ", paper.Periods.Select(p => p.ToString()))}");
        foreach (var period in paper.Periods)
        {
            foreach (var r in ReturnDates.For(period, config, days))
            {
                var escalation = r.EscalateFrom is { } f ? string.Create(culture, $", escalated {f:d MMM} to {r.EscalateUntil:d MMM}") : ", not escalated";
                output.WriteLine(string.Create(culture, $"    {r.Period} {r.Dataset.ToSlug()}: reminders from {r.RemindFrom:d MMM}, due {r.Due:ddd d MMM yyyy}{escalation}"));
            }
        }
    }

    private static bool TryDate(string option, string? text, DateOnly otherwise, TextWriter error, out DateOnly date)
    {
        date = otherwise;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        error.WriteLine($"{option} '{text}' is not a date written yyyy-MM-dd.");
        return false;
    }
}

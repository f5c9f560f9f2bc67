using System.CommandLine;
using System.Text.Json;
using SendFunctions.Cli.Status;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;
using SendFunctions.Hosting;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx status [--period P] [--json]</c>: one period at a glance for ops (returns, papers, emails, what happens next).</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string?>("--period") { Description = "The reporting month yyyy-MM (default: the month just ended, whose papers are due now)." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var storage = new StorageAccount();
        var command = new Command("status", "One period at a glance: each return, each paper's versions and emails, failed runs, and what happens next and when.") { period, json };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Environment.GetEnvironmentVariable("Programme__TimeZoneId") ?? "Europe/London");
            var now = TimeProvider.System.GetUtcNow();
            var month = ReportingPeriod.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)).Previous;
            if (result.GetValue(period) is { } given && !ReportingPeriod.TryParse(given, out month))
            {
                await error.WriteLineAsync($"--period must be a month written yyyy-MM, not '{given}'.");
                return SendfxApp.Usage;
            }

            var schedule = Environment.GetEnvironmentVariable("MonthlyReportSchedule") ?? FunctionHost.Defaults["MonthlyReportSchedule"]!;
            var report = await StatusReader.ReadAsync(clients.Blobs, clients.Tables, month, now, zone, schedule, ct);
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, Json.Options));
            }
            else
            {
                await PeriodReportText.WriteAsync(output, report, zone);
            }

            return SendfxApp.Ok;
        }));
        return command;
    }
}

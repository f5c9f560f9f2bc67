using System.CommandLine;
using System.Globalization;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx request --period P [--report KIND ...] [--covers yyyy-MM,yyyy-MM] [--meeting yyyy-MM-dd]</c>: ask the host to
/// (re)generate a period's papers. A kind with a committee calendar is asked for with the months and meeting the calendar
/// gives its paper (the timer's code), unless <c>--covers</c> says which months; so a re-run makes the paper the cycle would.
/// </summary>
internal static class RequestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var reports = new Option<string[]>("--report") { Description = "A report kind; repeat for several; none means all.", AllowMultipleArgumentsPerToken = true };
        var covers = new Option<string?>("--covers") { Description = "The months the paper covers, oldest first, ending with --period (yyyy-MM,yyyy-MM); default: from the committee calendar." };
        var meeting = new Option<string?>("--meeting") { Description = "The meeting the paper goes to, yyyy-MM-dd; needed only when the calendar files several meetings' papers under the period." };
        var storage = new StorageAccount();
        var command = new Command("request", "Queue a report request for a period (a re-run reuses papers whose inputs have not changed).") { period, reports, covers, meeting };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month))
            {
                await error.WriteLineAsync($"--period '{result.GetValue(period)}' is not a month written yyyy-MM.");
                return SendfxApp.Usage;
            }

            var kinds = new List<ReportKind>();
            foreach (var name in result.GetValue(reports) ?? [])
            {
                if (!ReportKinds.TryParse(name, out var kind))
                {
                    await error.WriteLineAsync($"--report '{name}' is not one of {string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}.");
                    return SendfxApp.Usage;
                }

                kinds.Add(kind);
            }

            if (!TryMonths(result.GetValue(covers), out var months) || !TryDay(result.GetValue(meeting), out var day))
            {
                await error.WriteLineAsync("--covers is months written yyyy-MM separated by commas; --meeting is a date written yyyy-MM-dd.");
                return SendfxApp.Usage;
            }

            var (requests, problem) = PaperRequests.For((await ProgrammeConfigStore.ReadAsync(clients.Blobs, ct)).Config, month, kinds, months, day);
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return SendfxApp.Usage;
            }

            var queue = clients.Queues.GetQueueClient(ReportRequest.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            foreach (var request in requests)
            {
                var sent = await queue.SendMessageAsync(request.ToJson(), ct);
                await output.WriteLineAsync($"{ReportRequest.QueueName}: {request.ToJson()} (message {sent.Value.MessageId})");
            }

            return SendfxApp.Ok;
        }));
        return command;
    }


    private static bool TryMonths(string? text, out IReadOnlyList<ReportingPeriod>? months)
    {
        months = null;
        if (text is null)
        {
            return true;
        }

        var parsed = new List<ReportingPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ReportingPeriod.TryParse(part, out var m))
            {
                return false;
            }

            parsed.Add(m);
        }

        months = parsed;
        return parsed.Count > 0;
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        day = ok ? parsed : null;
        return ok;
    }
}

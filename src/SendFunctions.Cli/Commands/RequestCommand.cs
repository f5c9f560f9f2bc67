using System.CommandLine;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx request --period P [--report KIND ...]</c>: ask the host to (re)generate a period's papers.</summary>
internal static class RequestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var reports = new Option<string[]>("--report") { Description = "A report kind; repeat for several; none means all.", AllowMultipleArgumentsPerToken = true };
        var storage = new StorageAccount();
        var command = new Command("request", "Queue a report request for a period (a re-run reuses papers whose inputs have not changed).") { period, reports };
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

            var request = new ReportRequest(month, kinds);

            var queue = clients.Queues.GetQueueClient(ReportRequest.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            var sent = await queue.SendMessageAsync(request.ToJson(), ct);
            await output.WriteLineAsync($"{ReportRequest.QueueName}: {request.ToJson()} (message {sent.Value.MessageId})");
            return SendfxApp.Ok;
        }));
        return command;
    }
}

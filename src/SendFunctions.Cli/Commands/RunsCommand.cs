using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using SendFunctions.Core.Display;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx runs [--period P]</c>: the run ledger, as ops read it.</summary>
internal static class RunsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string?>("--period") { Description = "Only runs for this period (yyyy-MM)." };
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON." };
        var storage = new StorageAccount();
        var command = new Command("runs", "List function runs from the runs table.") { period, json };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            var table = clients.Tables.GetTableClient(StorageLayout.RunsTable);
            await table.CreateIfNotExistsAsync(ct);
            var filter = result.GetValue(period) is { } p ? TableClient.CreateQueryFilter($"PartitionKey eq {p}") : null;
            var rows = new List<RunRow>();
            await foreach (var row in table.QueryAsync<RunRow>(filter, cancellationToken: ct))
            {
                rows.Add(row);
            }

            if (result.GetValue(json))
            {
                var runs = rows.OrderBy(r => r.StartedAt).Select(r => new
                {
                    Period = r.PartitionKey, Run = r.RowKey, r.Function, r.Outcome, r.Subject, r.Detail, r.StartedAt, r.FinishedAt,
                    Counts = r.Counts().ToDictionary(c => c.Name, c => c.Value),
                });
                await output.WriteLineAsync(JsonSerializer.Serialize(runs, Json.Options));
                return SendfxApp.Ok;
            }

            foreach (var run in rows.OrderBy(r => r.StartedAt))
            {
                var counts = string.Join(' ', run.Counts().Select(c => $"{c.Name}={c.Value}"));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{run.StartedAt:yyyy-MM-dd HH:mm:ss}Z {run.PartitionKey,-13} {run.Function,-16} {run.Outcome,-9} {Printable.Of(run.Subject),-32} {counts}  {Printable.Of(run.Detail)}"));
            }

            return SendfxApp.Ok;
        }));
        return command;
    }
}

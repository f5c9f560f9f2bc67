using System.CommandLine;
using System.Globalization;
using Azure.Data.Tables;
using SendFunctions.Core.Display;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx runs [--period P]</c>: the run ledger, as ops read it.</summary>
internal static class RunsCommand
{
    public static Command Create(TextWriter output)
    {
        var period = new Option<string?>("--period") { Description = "Only runs for this period (yyyy-MM)." };
        var connection = Connection.Option();
        var command = new Command("runs", "List function runs from the runs table.") { period, connection };
        command.SetAction(async (result, ct) =>
        {
            var table = new TableServiceClient(Connection.Resolve(result.GetValue(connection))).GetTableClient(StorageLayout.RunsTable);
            await table.CreateIfNotExistsAsync(ct);
            var filter = result.GetValue(period) is { } p ? TableClient.CreateQueryFilter($"PartitionKey eq {p}") : null;
            var rows = new List<RunRow>();
            await foreach (var row in table.QueryAsync<RunRow>(filter, cancellationToken: ct))
            {
                rows.Add(row);
            }

            foreach (var run in rows.OrderBy(r => r.StartedAt))
            {
                var counts = string.Join(' ', run.Counts().Select(c => $"{c.Name}={c.Value}"));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{run.StartedAt:yyyy-MM-dd HH:mm:ss}Z {run.PartitionKey,-13} {run.Function,-16} {run.Outcome,-9} {Printable.Of(run.Subject),-32} {counts}  {Printable.Of(run.Detail)}"));
            }

            return SendfxApp.Ok;
        });
        return command;
    }
}

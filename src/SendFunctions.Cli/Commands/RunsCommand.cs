using System.CommandLine;
using System.Globalization;
using Azure.Data.Tables;
using SendFunctions.Core.Ingestion;

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
            var rows = new List<TableEntity>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                rows.Add(entity);
            }

            foreach (var run in rows.OrderBy(r => r.GetDateTimeOffset("StartedAt")))
            {
                var counts = string.Join(' ', run.Where(p => p.Value is int).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key.ToLowerInvariant()}={p.Value}"));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{run.GetDateTimeOffset("StartedAt"):yyyy-MM-dd HH:mm:ss}Z {run.PartitionKey,-13} {run.GetString("Function"),-16} {run.GetString("Outcome"),-9} {run.GetString("Subject"),-32} {counts}  {run.GetString("Detail")}"));
            }

            return SendfxApp.Ok;
        });
        return command;
    }
}

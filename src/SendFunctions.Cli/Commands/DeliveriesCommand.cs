using System.CommandLine;
using System.Globalization;
using Azure.Data.Tables;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx deliveries --period P</c>: who got what, from the delivery ledger.</summary>
internal static class DeliveriesCommand
{
    public static Command Create(TextWriter output)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var connection = Connection.Option();
        var command = new Command("deliveries", "List the emails recorded for a period: papers, owner feedback and reminders.") { period, connection };
        command.SetAction(async (result, ct) =>
        {
            var table = new TableServiceClient(Connection.Resolve(result.GetValue(connection))).GetTableClient(StorageLayout.DeliveriesTable);
            await table.CreateIfNotExistsAsync(ct);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {result.GetValue(period)}");
            await foreach (var row in table.QueryAsync<DeliveryRow>(filter, cancellationToken: ct))
            {
                var when = row.SentAt ?? row.UpdatedAt ?? row.ClaimedAt;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.RowKey,-40} {row.Status,-12} {when:yyyy-MM-dd HH:mm}Z attempts={row.Attempts} message={row.MessageId ?? "-"} event={row.LastEvent ?? "-"} to={row.Recipients}"));
            }

            return SendfxApp.Ok;
        });
        return command;
    }
}

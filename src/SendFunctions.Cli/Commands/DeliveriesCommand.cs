using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Display;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx deliveries --period P</c>: who got what, from the delivery ledger and, per recipient, what SendGrid said.</summary>
internal static class DeliveriesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the deliveries and their recipients as JSON." };
        var storage = new StorageAccount();
        var command = new Command("deliveries", "List the emails recorded for a period (papers, owner feedback and reminders), each recipient's state and the last error.") { period, json };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            var tables = clients.Tables;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {result.GetValue(period)}");
            var recipients = tables.GetTableClient(StorageLayout.RecipientsTable);
            await recipients.CreateIfNotExistsAsync(ct);
            var byDelivery = new Dictionary<string, List<RecipientRow>>(StringComparer.Ordinal);
            await foreach (var row in recipients.QueryAsync<RecipientRow>(filter, cancellationToken: ct))
            {
                (byDelivery.TryGetValue(row.DeliveryKey, out var list) ? list : byDelivery[row.DeliveryKey] = []).Add(row);
            }

            var deliveries = tables.GetTableClient(StorageLayout.DeliveriesTable);
            await deliveries.CreateIfNotExistsAsync(ct);
            if (result.GetValue(json))
            {
                var all = new List<object>();
                await foreach (var row in deliveries.QueryAsync<DeliveryRow>(filter, cancellationToken: ct))
                {
                    all.Add(new
                    {
                        Period = row.PartitionKey, Delivery = row.RowKey, row.Status, row.Stage, row.Attempts, row.MessageId, row.LastError, row.ClaimedAt, row.SentAt, row.UpdatedAt,
                        Recipients = (byDelivery.GetValueOrDefault(row.RowKey) ?? []).Select(r => new { r.Recipient, r.State, r.StateAt, r.Deferrals, r.LastError }),
                    });
                }

                await output.WriteLineAsync(JsonSerializer.Serialize(all, Json.Options));
                return SendfxApp.Ok;
            }

            await foreach (var row in deliveries.QueryAsync<DeliveryRow>(filter, cancellationToken: ct))
            {
                var when = row.SentAt ?? row.UpdatedAt ?? row.ClaimedAt;
                var rows = byDelivery.GetValueOrDefault(row.RowKey) ?? [];
                var failed = rows.Count(r => r.State.IsFailure());
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.RowKey,-40} {row.Status,-12} {when:yyyy-MM-dd HH:mm}Z attempts={row.Attempts} message={row.MessageId ?? "-"} to={Printable.Of(row.Recipients)}{(failed > 0 ? $" NOT DELIVERED to {failed}" : string.Empty)}"));
                if (row.ResendReason is { } why)
                {
                    await output.WriteLineAsync($"    resent because: {Printable.Of(why)}");
                }

                if (row.LastError is { } error)
                {
                    await output.WriteLineAsync($"    last error: {Printable.Of(error)}");
                }

                foreach (var recipient in rows)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"    {Printable.Of(recipient.Recipient),-40} {recipient.State,-10} {recipient.StateAt:yyyy-MM-dd HH:mm:ss}Z{(recipient.Deferrals > 0 ? $" deferred {recipient.Deferrals}x" : string.Empty)}{(recipient.LastError is { } reason ? $" last error: {Printable.Of(reason)}" : string.Empty)}"));
                }
            }

            return SendfxApp.Ok;
        }));
        return command;
    }
}

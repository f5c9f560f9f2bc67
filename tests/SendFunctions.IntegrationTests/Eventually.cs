using System.Diagnostics;

namespace SendFunctions.IntegrationTests;

/// <summary>Polls until the host has done its work; fails with what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, int seconds = 60)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
    }

    /// <summary>
    /// Until every message queued on <paramref name="queues"/> has been handled and deleted, the queues checked in the order
    /// given (a message's handler queues onto the later ones before it is deleted): what was asked for has then all happened.
    /// </summary>
    public static Task DrainedAsync(params Azure.Storage.Queues.QueueClient[] queues) =>
        GetAsync(
            async () =>
            {
                foreach (var queue in queues)
                {
                    if (await queue.ExistsAsync() && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
                    {
                        return null;
                    }
                }

                return queues;
            },
            $"{string.Join(" and ", queues.Select(q => q.Name))} to be empty");

    /// <summary>
    /// Until the clock is past the whole second <paramref name="stamped"/> (a blob's Last-Modified) falls in: Azurite keeps
    /// upload times in whole seconds, so the next upload is then stamped later and supersedes.
    /// </summary>
    public static async Task PastTheSecondOfAsync(DateTimeOffset stamped)
    {
        var next = new DateTimeOffset(stamped.UtcTicks - (stamped.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        while (DateTimeOffset.UtcNow < next)
        {
            await Task.Delay(50);
        }
    }
}

/// <summary>A table row if it exists yet (a run row once it has its outcome, not while it is <c>Running</c>), for <see cref="Eventually"/> to poll.</summary>
internal static class TableProbe
{
    public static async Task<T?> FindAsync<T>(this Azure.Data.Tables.TableClient table, string partition, string rowKey)
        where T : class, Azure.Data.Tables.ITableEntity
    {
        var found = await table.GetEntityIfExistsAsync<T>(partition, rowKey);
        return found.HasValue && found.Value is not SendFunctions.Operations.RunRow { Outcome: SendFunctions.Operations.RunOutcome.Running } ? found.Value : null;
    }
}

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

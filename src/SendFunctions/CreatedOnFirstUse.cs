using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SendFunctions;

/// <summary>
/// The containers, queues and tables the app uses, each created the first time it is used through a given service client
/// and never asked for again through that client, so that an ingest, send or run pays no create request for what it
/// touches. Callers that come first at the same time share one create request. A creation that fails (storage
/// unreachable, a refusal) is not remembered: the next call asks again. A container, queue or table deleted while the
/// host runs is therefore not created again until a new host, with new clients, starts (docs/operations.md).
/// </summary>
internal static class CreatedOnFirstUse
{
    // Keyed by the client instance, not by its account: a client of another account, or with other options, asks for
    // itself; an entry goes when its client is collected.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<Task>>> Created = new();

    public static async Task<BlobContainerClient> ContainerAsync(BlobServiceClient blobs, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var container = blobs.GetBlobContainerClient(name);
        await OnceAsync(blobs, name, () => container.CreateIfNotExistsAsync(), ct);
        return container;
    }

    public static async Task<QueueClient> QueueAsync(QueueServiceClient queues, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var queue = queues.GetQueueClient(name);
        await OnceAsync(queues, name, () => queue.CreateIfNotExistsAsync(), ct);
        return queue;
    }

    public static async Task<TableClient> TableAsync(TableServiceClient tables, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var table = tables.GetTableClient(name);
        await OnceAsync(tables, name, () => table.CreateIfNotExistsAsync(), ct);
        return table;
    }

    /// <summary>
    /// The creation runs without the caller's token, so that one caller giving up does not fail the others waiting on
    /// the same request; each caller stops waiting when its own token is cancelled.
    /// </summary>
    private static Task OnceAsync(object service, string name, Func<Task> create, CancellationToken ct)
    {
        var created = Created.GetValue(service, static _ => new ConcurrentDictionary<string, Lazy<Task>>(StringComparer.Ordinal));
        if (!created.TryGetValue(name, out var entry))
        {
            Lazy<Task> mine = null!;
            mine = new Lazy<Task>(() => ForgetIfFailedAsync(created, name, mine, create));
            entry = created.GetOrAdd(name, mine); // of two first callers, one's entry is kept and only it asks storage
        }

        return entry.Value.WaitAsync(ct);
    }

    private static async Task ForgetIfFailedAsync(ConcurrentDictionary<string, Lazy<Task>> created, string name, Lazy<Task> entry, Func<Task> create)
    {
        var succeeded = false;
        try
        {
            await create();
            succeeded = true;
        }
        finally
        {
            if (!succeeded)
            {
                created.TryRemove(KeyValuePair.Create(name, entry));
            }
        }
    }
}

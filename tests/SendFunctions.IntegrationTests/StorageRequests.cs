using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// Every request that storage clients made with <see cref="Blobs"/>, <see cref="Queues"/> and <see cref="Tables"/> send
/// (each attempt, retries included), and among them the create requests of a container, queue or table, as Azurite's
/// path-style addresses (<c>/account/name...</c>) show them.
/// </summary>
internal sealed class StorageRequests : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> sent = new();

    /// <summary>Each request as <c>METHOD /path?query</c>.</summary>
    public IReadOnlyList<string> All => [.. sent];

    /// <summary>The requests that create a container (<c>PUT ?restype=container</c>), a table (<c>POST /Tables</c>) or a queue (<c>PUT /account/queue</c>).</summary>
    public IReadOnlyList<string> Creates => All.Where(IsCreate).ToList();

    public void Clear() => sent.Clear();

    public BlobServiceClient Blobs(string connectionString)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(connectionString, options);
    }

    public QueueServiceClient Queues(string connectionString)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return new QueueServiceClient(connectionString, options);
    }

    public TableServiceClient Tables(string connectionString, int maxRetries = 3)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return new TableServiceClient(connectionString, options);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        sent.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}{message.Request.Uri.Query}");
    }

    private static bool IsCreate(string request)
    {
        var (method, address) = (request[..request.IndexOf(' ', StringComparison.Ordinal)], request[(request.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = address.Split('?')[0];
        var query = address.Contains('?', StringComparison.Ordinal) ? address[address.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        var segments = path.Trim('/').Split('/');
        return (method == "PUT" && query.Contains("restype=container", StringComparison.Ordinal) && !query.Contains("comp=", StringComparison.Ordinal))
            || (method == "POST" && path.EndsWith("/Tables", StringComparison.Ordinal))
            || (method == "PUT" && segments.Length == 2 && query.Length == 0 && !path.Contains('(', StringComparison.Ordinal));
    }
}

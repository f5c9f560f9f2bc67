using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Operations;

/// <summary>
/// <c>GET /healthz</c> on the webhook's listener, for App Service's health check and for ops: 200 when the app's blob, queue
/// and table endpoints all answer within <see cref="Timeout"/>, else 503; the body says which and the code version. A
/// storage answer of any kind (a 404 too) counts as reachable; no answer, a refusal (401/403) or a failed sign-in does not.
/// </summary>
public sealed class Health(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
{
    public const string Route = "/healthz";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var blob = await CheckAsync(async t => await blobs.GetBlobContainerClient(StorageLayout.Config).ExistsAsync(t), timeout.Token);
        var queue = await CheckAsync(async t => await queues.GetQueueClient(ReportRequest.QueueName).ExistsAsync(t), timeout.Token);
        var table = await CheckAsync(async t => await tables.QueryAsync(filter: $"TableName eq '{StorageLayout.RunsTable}'", maxPerPage: 1, cancellationToken: t).AsPages().FirstAsync(t), timeout.Token);
        var healthy = blob is null && queue is null && table is null;
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            storage = new { blobs = blob ?? "ok", queues = queue ?? "ok", tables = table ?? "ok" },
            version = ReportRenderer.CodeVersion,
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Null when storage answered; otherwise why not, in a few words (never a connection string).</summary>
    private static async Task<string?> CheckAsync(Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        try
        {
            await probe(ct);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            return $"refused ({ex.Status})";
        }
        catch (RequestFailedException ex)
        {
            return ex.Status switch { 0 => "unreachable", 404 => null, _ => $"error ({ex.Status})" };
        }
        catch (AggregateException)
        {
            return "unreachable";
        }
        catch (AuthenticationFailedException)
        {
            return "sign-in failed";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return $"no answer within {Timeout.TotalSeconds:0} s";
        }
    }
}

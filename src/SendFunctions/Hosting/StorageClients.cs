using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace SendFunctions.Hosting;

/// <summary>
/// The Azure SDK clients the functions use. With <c>Storage:AccountName</c> set they connect with the app's
/// managed identity (DefaultAzureCredential) to the account's endpoints; otherwise with the
/// <c>AzureWebJobsStorage</c> connection string, which the WebJobs storage extension itself always needs.
/// </summary>
internal static class StorageClients
{
    public static (BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables) Create(IConfiguration configuration)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (configuration["Storage:AccountName"] is { Length: > 0 } account)
        {
            TokenCredential credential = new DefaultAzureCredential();
            var suffix = configuration["Storage:EndpointSuffix"] ?? "core.windows.net";
            return (
                new BlobServiceClient(new Uri($"https://{account}.blob.{suffix}"), credential),
                new QueueServiceClient(new Uri($"https://{account}.queue.{suffix}"), credential, queueOptions),
                new TableServiceClient(new Uri($"https://{account}.table.{suffix}"), credential));
        }

        var connection = configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("AzureWebJobsStorage is not set. Set it in local.settings.json (Values) or the environment.");
        return (new BlobServiceClient(connection), new QueueServiceClient(connection, queueOptions), new TableServiceClient(connection));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SendFunctions.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>Uploads: the blob trigger, the sweep under it, owner reminders, and their settings.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new DropBlobs(
            sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(),
            configuration["Storage:AccountName"] is { Length: > 0 } ? new Azure.Identity.DefaultAzureCredential() : null,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestDrop>();
        services.AddSingleton<SweepDrops>();
        return services;
    }
}

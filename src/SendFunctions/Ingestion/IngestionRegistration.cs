using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SendFunctions.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>Uploads: the blob trigger, the sweep under it, owner reminders, and their settings.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IngestDrop>();
        services.AddSingleton<SweepDrops>();
        return services;
    }
}

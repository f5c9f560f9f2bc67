using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SendFunctions.Recovery;

internal static class RecoveryRegistration
{
    /// <summary>Requests in flight: the hold each queue worker keeps on its request, and the timer that takes up a dead worker's.</summary>
    public static IServiceCollection AddRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecoveryOptions>().Bind(configuration.GetSection(RecoveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InFlightWork>();
        services.AddSingleton<RecoverInFlight>();
        return services;
    }
}

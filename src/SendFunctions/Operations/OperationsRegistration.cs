using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SendFunctions.Hosting;

namespace SendFunctions.Operations;

internal static class OperationsRegistration
{
    /// <summary>What ops rely on: the programme clock (time zone checked at start), the run ledger's functions.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgrammeOptions>()
            .Bind(configuration.GetSection(ProgrammeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZoneId, out _), "Programme:TimeZoneId is not a known time zone.")
            .ValidateOnStart();
        services.AddSingleton<ProgrammeClock>();
        services.AddSingleton<CheckedConfigVersion>();
        services.AddHostedService<ConfigStartupCheck>();
        services.AddSingleton<Health>();
        services.AddHostedService<StartupReport>();
        return services;
    }
}

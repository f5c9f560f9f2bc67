using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SendFunctions.CommitteeCycle;

internal static class CommitteeCycleRegistration
{
    /// <summary>Sign-off of committee papers: the approve endpoint and its key, checked at start-up.</summary>
    public static IServiceCollection AddCommitteeCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignOffOptions>().Bind(configuration.GetSection(SignOffOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.KeyIsUsable, $"SignOff:Key must be base64 of at least {Core.Calendar.ApprovalToken.MinKeyBytes} random bytes (for example: openssl rand -base64 32).")
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "SignOff:PublicUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<ApproveEndpoint>();
        services.AddSingleton<CommitteeCalendar>();
        return services;
    }
}

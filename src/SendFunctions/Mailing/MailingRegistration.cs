using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;

namespace SendFunctions.Mailing;

internal static class MailingRegistration
{
    /// <summary>Email: the delivery ledger, the transport (SendGrid with a key, .eml files without), the Event Webhook.</summary>
    public static IServiceCollection AddMailing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.LeaseCoversAnAttempt, "Mail:ClaimLease must be longer than Mail:RequestTimeout plus Mail:MaxDelay (the longest a sender goes without renewing its claim).")
            .ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Host) || Uri.TryCreate(o.Host, UriKind.Absolute, out var host) && host.Scheme is "http" or "https", "SendGrid:Host must be an absolute http(s) URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.WebhookPublicKey) || SendGridOptions.IsValidPublicKey(o.WebhookPublicKey), "SendGrid:WebhookPublicKey is not a base64 ECDSA public key (copy it from SendGrid's Mail Settings, Event Webhook, signature verification).")
            .ValidateOnStart();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<DeliveryEvents>();
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            return new SendGridClient(SendGridHttp(sp.GetRequiredService<IOptions<MailOptions>>().Value), new SendGridClientOptions { ApiKey = options.ApiKey, Host = string.IsNullOrWhiteSpace(options.Host) ? SendGridOptions.DefaultHost : options.Host });
        });
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<SendGridOptions>>().Value.HasApiKey
            ? ActivatorUtilities.CreateInstance<SendGridTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupTransport>(sp));
        return services;
    }

    /// <summary>The SendGrid client's HTTP: told whether a failed request was fully written, and given up after <see cref="MailOptions.RequestTimeout"/>.</summary>
    public static HttpClient SendGridHttp(MailOptions options) =>
        new(new RequestWriteTracking(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })) { Timeout = options.RequestTimeout };
}

using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SendFunctions.Options;

namespace SendFunctions.Hosting;

/// <summary>
/// The WebJobs SDK host: host.json (same schema as Azure Functions), local.settings.json Values in
/// Development, then environment variables. <c>AzureWebJobsStorage</c> is the storage connection.
/// </summary>
public static class FunctionHost
{
    /// <summary>Settings every environment has unless it overrides them (NCRONTAB, six fields, in the host's time zone).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["DropSweepSchedule"] = "0 */5 * * * *",
        ["MonthlyReportSchedule"] = "0 0 7 6 * *",
        ["DropRemindersSchedule"] = "0 0 8 * * 1-5",
        ["CycleWatchSchedule"] = "0 30 9 * * *",
    };

    /// <summary>Where the webhook listens unless <c>urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public const string DefaultWebhookUrls = "http://127.0.0.1:7071";

    /// <param name="webhookUrls">Where the webhook listens: this, else ASPNETCORE_URLS (App Service sets it), else <see cref="DefaultWebhookUrls"/>.</param>
    public static IHostBuilder Create(string[] args, Action<IConfigurationBuilder>? overrides = null, string? webhookUrls = null) =>
        new HostBuilder()
            .UseEnvironment(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production)
            .ConfigureAppConfiguration((context, config) =>
            {
                config.AddInMemoryCollection(Defaults);
                var root = AppContext.BaseDirectory;
                config.AddJsonFile(Path.Combine(root, "host.json"), optional: true);
                if (context.HostingEnvironment.IsDevelopment())
                {
                    config.Add(new LocalSettingsSource(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json")));
                }

                config.AddEnvironmentVariables();
                config.AddCommandLine(args);
                overrides?.Invoke(config);
            })
            .ConfigureWebJobs((context, webJobs) =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorage(
                    queues => context.Configuration.GetSection("extensions:queues").Bind(queues),
                    blobs => context.Configuration.GetSection("extensions:blobs").Bind(blobs));
                webJobs.AddTimers();
            })
            .ConfigureWebHostDefaults(web => web
                .UseUrls(webhookUrls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultWebhookUrls)
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapPost(Mail.DeliveryEvents.Route, (HttpRequest request, Mail.DeliveryEvents events, CancellationToken ct) => events.HandleAsync(request, ct)));
                }))
            .ConfigureLogging((context, logging) =>
            {
                logging.AddConfiguration(context.Configuration.GetSection("logging"));
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                });
                if (context.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } insights)
                {
                    // Logs (with their structured values as custom dimensions) to Application Insights, where the alert rules query them.
                    logging.AddOpenTelemetry(o =>
                    {
                        o.IncludeFormattedMessage = true;
                        o.AddAzureMonitorLogExporter(exporter => exporter.ConnectionString = insights);
                    });
                }
            })
            .ConfigureServices((context, services) =>
            {
                var (blobs, queues, tables) = StorageClients.Create(context.Configuration);
                services.AddSingleton(blobs);
                services.AddSingleton(queues);
                services.AddSingleton(tables);
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<Functions.IngestHandler>();
                services.AddSingleton<Functions.ReportGeneration>();
                services.AddSingleton<Functions.ReportMailing>();
                services.AddSingleton<Mail.MailDelivery>();
                services.AddSingleton<Mail.DeliveryEvents>();
                services.AddOptions<MailOptions>().Bind(context.Configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
                services.AddOptions<SendGridOptions>().Bind(context.Configuration.GetSection(SendGridOptions.Section));
                var sendGrid = context.Configuration.GetSection(SendGridOptions.Section).Get<SendGridOptions>() ?? new SendGridOptions();
                if (string.IsNullOrWhiteSpace(sendGrid.ApiKey))
                {
                    services.AddSingleton<Mail.IMailTransport, Mail.PickupTransport>();
                }
                else
                {
                    services.AddSingleton<SendGrid.ISendGridClient>(new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions
                    {
                        ApiKey = sendGrid.ApiKey,
                        Host = string.IsNullOrWhiteSpace(sendGrid.Host) ? "https://api.sendgrid.com" : sendGrid.Host,
                    }));
                    services.AddSingleton<Mail.IMailTransport, Mail.SendGridTransport>();
                }
                services.AddOptions<ProgrammeOptions>()
                    .Bind(context.Configuration.GetSection(ProgrammeOptions.Section))
                    .ValidateDataAnnotations()
                    .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZoneId, out _), "Programme:TimeZoneId is not a known time zone.")
                    .ValidateOnStart();
                services.AddOptions<IngestionOptions>()
                    .Bind(context.Configuration.GetSection(IngestionOptions.Section))
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
            });
}

using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using SendFunctions.Ingestion;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;
using SendFunctions.CommitteeCycle;
using SendFunctions.Recovery;

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
        ["CommitteeCalendarSchedule"] = "0 5 * * * *",
        ["InFlightRecoverySchedule"] = "*/30 * * * * *",
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
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapPost(DeliveryEvents.Route, (HttpRequest request, DeliveryEvents events, CancellationToken ct) => events.HandleAsync(request, ct));
                        endpoints.MapGet(ApproveEndpoint.Route, (HttpRequest request, ApproveEndpoint approve, CancellationToken ct) => approve.ShowAsync(request, ct));
                        endpoints.MapPost(ApproveEndpoint.Route, (HttpRequest request, ApproveEndpoint approve, CancellationToken ct) => approve.ApproveAsync(request, ct));
                        endpoints.MapGet(Health.Route, (Health health, CancellationToken ct) => health.HandleAsync(ct));
                    });
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
                services.Configure<JobHostFunctionTimeoutOptions>(o => ApplyFunctionTimeout(o, context.Configuration));
                // host.json's "singleton": how long a dead instance's listener locks (the blob trigger's, each timer's) keep a
                // restarted host waiting, and how often it looks again (docs/operations.md, "Recovery times").
                services.Configure<SingletonOptions>(context.Configuration.GetSection("singleton"));
                services.AddSingleton<ListenerFailures>();
                services.AddSingleton<StopAndRestartOnListenerFailure>();
                services.AddSingleton<IWebJobsExceptionHandlerFactory>(sp => sp.GetRequiredService<StopAndRestartOnListenerFailure>());
                services.AddOperations(context.Configuration);
                services.AddIngestion(context.Configuration);
                services.AddReporting();
                services.AddMailing(context.Configuration);
                services.AddCommitteeCycle(context.Configuration);
                services.AddRecovery(context.Configuration);
            });

    /// <summary>
    /// Runs the host until it is asked to stop. When a trigger listener fails (a storage outage), the host stops and a new
    /// one is started after a back-off (5 s doubling to 2 minutes), so an outage ends in recovery rather than in a dead
    /// process; the same in Azure and locally.
    /// </summary>
    public static async Task RunSupervisedAsync(Func<IHostBuilder> create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(create);
        var delay = TimeSpan.FromSeconds(5);
        while (!ct.IsCancellationRequested)
        {
            var host = create().Build();
            var failures = host.Services.GetRequiredService<ListenerFailures>();
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionHost));
            if (host.Services.GetService<Ingestion.DropBlobs>() is { } drops)
            {
                await Ingestion.SetAsideDrops.BeforeStartAsync(drops, log, ct); // a host without ingestion has no drops to check
            }
            try
            {
                await host.RunAsync(ct); // disposes the host
            }
            catch (InvalidOperationException ex) when (failures.Count > 0)
            {
                // After several listener failures in a row (storage down for tens of seconds) the WebJobs SDK's task timers
                // can throw while the stopped host is disposed ("The timer has already been stopped"), which ended the
                // process; the host has stopped either way, and a new one is started below.
                Log.DisposeFailed(log, ex.Message);
            }

            if (failures.Count == 0)
            {
                return; // stopped on purpose
            }

            Log.Restarting(log, delay, failures.Count);
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
        }
    }

    /// <summary>
    /// host.json's <c>functionTimeout</c>, as Azure Functions applies it, except that a function past its time is cancelled
    /// (its CancellationToken fires) rather than the whole process being brought down.
    /// </summary>
    private static void ApplyFunctionTimeout(JobHostFunctionTimeoutOptions options, IConfiguration configuration)
    {
        if (TimeSpan.TryParse(configuration["functionTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero)
        {
            options.Timeout = timeout;
            options.ThrowOnTimeout = false;
        }
    }
}

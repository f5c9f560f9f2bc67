using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SendFunctions.Core.Reports;

namespace SendFunctions.Operations;

/// <summary>
/// At start, logs the effective configuration (event 4005; secrets redacted) and the functions the WebJobs SDK indexes (event
/// 4006), so the first lines of a host's log say what it will do and with which settings.
/// </summary>
internal sealed class StartupReport(IConfiguration configuration, ITypeLocator types, IHostEnvironment environment, ILogger<StartupReport> log) : IHostedService
{
    /// <summary>The settings reported: every key under these sections, and these single keys.</summary>
    private static readonly string[] Reported =
    [
        "AzureWebJobsStorage", "APPLICATIONINSIGHTS_CONNECTION_STRING", "ASPNETCORE_URLS", "functionTimeout",
        "DropSweepSchedule", "MonthlyReportSchedule", "DropRemindersSchedule", "CycleWatchSchedule",
        "Storage", "Programme", "Ingestion", "Mail", "SendGrid", "extensions:queues", "extensions:blobs", "singleton",
    ];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = string.Join("; ", Reported.SelectMany(Flatten).Select(s => $"{s.Key}={Redact(s.Key, s.Value)}"));
        Log.EffectiveConfiguration(log, environment.EnvironmentName, ReportRenderer.CodeVersion, settings);
        var functions = types.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Name: m.GetCustomAttribute<FunctionNameAttribute>()?.Name, Trigger: TriggerOf(m)))
            .Where(f => f.Name is not null)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name} ({f.Trigger})")
            .ToList();
        var names = string.Join(", ", functions);
        Log.FunctionsRegistered(log, functions.Count, names);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Values that are or hold secrets are never written: connection strings and anything named a key, secret or password
    /// are reported only as set; anything that looks like a connection string or a SAS token anywhere is redacted too.
    /// </summary>
    internal static string Redact(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(unset)";
        }

        string[] secretNames = ["Key", "Secret", "Password", "ConnectionString", "CONNECTION_STRING", "AzureWebJobsStorage", "Token"];
        string[] secretValues = ["AccountKey=", "SharedAccessSignature=", "InstrumentationKey=", "sig=", "SG."];
        return secretNames.Any(n => key.Contains(n, StringComparison.OrdinalIgnoreCase)) || secretValues.Any(v => value.Contains(v, StringComparison.OrdinalIgnoreCase))
            ? "(set, redacted)"
            : value;
    }

    private IEnumerable<KeyValuePair<string, string?>> Flatten(string key)
    {
        var section = configuration.GetSection(key);
        var children = section.AsEnumerable(makePathsRelative: false).Where(s => s.Value is not null && s.Key != key).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        return children.Count > 0 ? children : [new(key, section.Value)];
    }

    private static string TriggerOf(MethodInfo method)
    {
        var trigger = method.GetParameters().SelectMany(p => p.GetCustomAttributes()).FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));
        return trigger switch
        {
            BlobTriggerAttribute blob => $"blob {blob.BlobPath}",
            QueueTriggerAttribute queue => $"queue {queue.QueueName}",
            TimerTriggerAttribute timer => $"timer {timer.ScheduleExpression}",
            null => "no trigger",
            _ => trigger.GetType().Name[..^"Attribute".Length],
        };
    }
}

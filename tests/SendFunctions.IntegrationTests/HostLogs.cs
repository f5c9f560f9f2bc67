using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SendFunctions.IntegrationTests;

/// <summary>Every log record the host writes (event id, level, structured values and the formatted text), to count what it did rather than only what it left behind.</summary>
public sealed class HostLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<HostLogRecord> records = new();

    public IReadOnlyList<HostLogRecord> Snapshot() => [.. records];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(HostLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            logs.records.Enqueue(new HostLogRecord(category, logLevel, eventId.Id, values.ToDictionary(v => v.Key, v => v.Value), formatter(state, exception) ?? string.Empty));
        }
    }
}

public sealed record HostLogRecord(string Category, LogLevel Level, int EventId, IReadOnlyDictionary<string, object?> Values, string Message)
{
    public string? Value(string name) => Values.TryGetValue(name, out var value) ? value?.ToString() : null;
}

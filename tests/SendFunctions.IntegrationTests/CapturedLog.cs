using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SendFunctions.IntegrationTests;

/// <summary>Every log line the host writes, kept for tests that count alert events (the WebJobs SDK logs some lines with no formatted text).</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, EventId, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, eventId, formatter(state, exception) ?? string.Empty));
    }
}

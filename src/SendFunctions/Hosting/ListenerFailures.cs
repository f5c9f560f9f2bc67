using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SendFunctions.Hosting;

/// <summary>
/// Whether the host stopped because a trigger's listener failed (a storage outage can make the SDK's blob listener throw),
/// so that <see cref="FunctionHost.RunSupervisedAsync"/> starts a new host instead of ending the process.
/// </summary>
public sealed class ListenerFailures
{
    private int count;

    public int Count => Volatile.Read(ref count);

    internal void Add() => Interlocked.Increment(ref count);
}

/// <summary>
/// Replaces the WebJobs SDK's handling of an exception no function caught (a listener's, not a function's: those are
/// retried by their triggers). The SDK's own handler stops the host and rethrows on a new thread, which ends the
/// process; this one logs the failure (event 4002, alerted) and stops the host cleanly, and the supervisor restarts it.
/// </summary>
internal sealed class StopAndRestartOnListenerFailure(IHostApplicationLifetime lifetime, ListenerFailures failures, ILogger<StopAndRestartOnListenerFailure> log)
    : IWebJobsExceptionHandler, IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => this;

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        failures.Add();
        Log.ListenerFailed(log, exceptionInfo.SourceException);
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    /// <summary>A function past <c>functionTimeout</c> has been cancelled already (ThrowOnTimeout is off); it is logged, and the host carries on.</summary>
    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        Log.FunctionTimedOut(log, exceptionInfo.SourceException.Message);
        return Task.CompletedTask;
    }
}

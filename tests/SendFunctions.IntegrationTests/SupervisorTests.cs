using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SendFunctions.Hosting;

namespace SendFunctions.IntegrationTests;

/// <summary>The supervisor that Program.cs runs the host under, with hosts that fail as the WebJobs SDK's do.</summary>
public sealed class SupervisorTests
{
    [Fact]
    public async Task RunSupervised_HostThatThrowsWhileDisposedAfterAListenerFailure_IsReplacedNotFatal()
    {
        var built = 0;

        await FunctionHost.RunSupervisedAsync(() => ++built == 1 ? FailingHost() : new HostBuilder().ConfigureServices(s => s.AddSingleton<ListenerFailures>().AddHostedService<StopsAtOnce>()), CancellationToken.None);

        Assert.Equal(2, built);
    }

    /// <summary>A listener fails (recorded, host stopped), then disposing the host throws, as the SDK's stopped task timers did after a long storage outage.</summary>
    private static IHostBuilder FailingHost() => new HostBuilder().ConfigureServices(s => s
        .AddSingleton<ListenerFailures>()
        .AddSingleton<ThrowsOnDispose>()
        .AddHostedService<FailsListener>());

    private sealed class FailsListener(ListenerFailures failures, IHostApplicationLifetime lifetime, ThrowsOnDispose timer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = timer;
            failures.Add();
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ThrowsOnDispose : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => throw new InvalidOperationException("The timer has already been stopped.");
    }

    private sealed class StopsAtOnce(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

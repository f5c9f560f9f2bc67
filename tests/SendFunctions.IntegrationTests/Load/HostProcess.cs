using System.Collections.Concurrent;
using System.Diagnostics;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>
/// The real host as it runs in production: <c>dotnet SendFunctions.dll</c> (the build next to this test's, supervised by
/// Program.cs) as a child process, configured through environment variables, killed as a crash kills it. Its console log
/// is kept, to count what it did.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private HostProcess(Process process, string name, Uri health)
    {
        this.process = process;
        Name = name;
        Health = health;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Health { get; }

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Starts a host on <paramref name="connectionString"/> with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>) and waits for /healthz.</summary>
    public static async Task<HostProcess> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var dll = HostDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), name, new Uri($"http://127.0.0.1:{port}/healthz"));
        await host.WaitHealthyAsync();
        return host;
    }

    /// <summary>Log lines (console, one line each) that contain <paramref name="text"/>.</summary>
    public int Count(string text) => lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>As a crash does (kill -9 of the process and its children): nothing is flushed or released.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The last log lines, for a failure message.</summary>
    public string Tail(int count = 30) => string.Join(Environment.NewLine, lines.TakeLast(count));

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host {Name} exited with code {process.ExitCode}:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var answer = await http.GetAsync(Health);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host {Name} did not answer /healthz within 3 minutes:{Environment.NewLine}{Tail()}");
    }

    /// <summary>src/SendFunctions/bin/{the configuration this test was built in}/net10.0/SendFunctions.dll, built with this project.</summary>
    private static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/{Configuration}/net10.0
        var dll = Path.Combine(AzuriteFixture.RepositoryRoot(), "src", "SendFunctions", "bin", configuration, "net10.0", "SendFunctions.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The host is not built at {dll}: build src/SendFunctions in {configuration}.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

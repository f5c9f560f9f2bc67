using X;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var host = new HostBuilder()
    .ConfigureWebJobs(b => { b.AddAzureStorageCoreServices(); b.AddAzureStorage(); b.AddTimers(); })
    .ConfigureLogging(l => l.AddConsole())
    .Build();
await host.RunAsync();

namespace X { public sealed class Spike(ILogger<Spike> log)
{
    [FunctionName("Spike")]
    public void Run([BlobTrigger("drops/{name}")] Stream s, string name)
    {
        log.LogInformation("GOT {Name} {Len}", name, s.Length);
    }
} }

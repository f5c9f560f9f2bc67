using Microsoft.Extensions.Hosting;
using SendFunctions.Hosting;

using var host = FunctionHost.Create(args).Build();
await host.RunAsync();

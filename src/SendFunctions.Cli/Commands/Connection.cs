using System.CommandLine;

namespace SendFunctions.Cli.Commands;

/// <summary>The storage connection: --connection, else the AzureWebJobsStorage environment variable, as the host reads it.</summary>
internal static class Connection
{
    public static Option<string?> Option() => new("--connection") { Description = "Storage connection string (default: $AzureWebJobsStorage)." };

    public static string Resolve(string? given) =>
        given ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")
        ?? throw new InvalidOperationException("No storage connection: give --connection or set AzureWebJobsStorage.");
}

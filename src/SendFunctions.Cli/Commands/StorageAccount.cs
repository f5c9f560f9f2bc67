using System.CommandLine;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SendFunctions.Cli.Commands;

/// <summary>The clients a storage command works through: the app's own blob, queue and table clients, one account.</summary>
internal sealed record StorageClients(BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables);

/// <summary>
/// The storage account of a command: <c>--account NAME</c>, signed in as the person running sendfx (DefaultAzureCredential:
/// az login, Visual Studio, environment, managed identity), for deployments with shared-key access turned off; else
/// <c>--connection</c> or <c>$AzureWebJobsStorage</c>. A missing, malformed or unreachable account is one line on standard
/// error and exit 2, never a stack trace.
/// </summary>
internal sealed partial class StorageAccount
{
    public Option<string?> Connection { get; } = Commands.Connection.Option();

    public Option<string?> Account { get; } = new("--account") { Description = "Storage account name; signs in with your Azure identity (DefaultAzureCredential) instead of a connection string." };

    /// <summary>Few, short retries: a person is waiting, and an unreachable account should say so in seconds.</summary>
    private static void Retry(ClientOptions options)
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>The three clients' options: <see cref="Retry"/> each, queue messages Base64 as the host reads them.</summary>
    private static (BlobClientOptions Blobs, QueueClientOptions Queues, TableClientOptions Tables) ClientOptions()
    {
        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tables = new TableClientOptions();
        Retry(blobs);
        Retry(queues);
        Retry(tables);
        return (blobs, queues, tables);
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Connection);
        command.Options.Add(Account);
    }

    /// <summary>Opens the account the command names and runs <paramref name="action"/> on it; connection problems are one line and exit 2.</summary>
    public async Task<int> RunAsync(ParseResult result, TextWriter error, Func<StorageClients, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(action);
        var opened = Open(result.GetValue(Connection), result.GetValue(Account), Environment.GetEnvironmentVariable("AzureWebJobsStorage"));
        if (opened.Problem is { } problem)
        {
            await error.WriteLineAsync(problem);
            return SendfxApp.Usage;
        }

        try
        {
            return await action(opened.Clients!);
        }
        catch (Exception ex) when (Unreachable(ex, opened.Clients!.Blobs.Uri) is { } reason)
        {
            await error.WriteLineAsync(reason);
            return SendfxApp.Usage;
        }
    }

    /// <summary>The clients for the given connection or account, or the one-line reason there are none.</summary>
    internal static (StorageClients? Clients, string? Problem) Open(string? connection, string? account, string? environment, TokenCredential? credential = null)
    {
        if (account is not null && connection is not null)
        {
            return (null, "Give --account or --connection, not both.");
        }

        if (account is not null)
        {
            return AccountName().IsMatch(account)
                ? (ForAccount(account, credential ?? new DefaultAzureCredential()), null)
                : (null, $"--account '{account}' is not a storage account name (3 to 24 lower-case letters and digits).");
        }

        if ((connection ?? environment) is not { Length: > 0 } cs)
        {
            return (null, "No storage account: give --account NAME (signs in with your Azure identity) or --connection, or set AzureWebJobsStorage.");
        }

        try
        {
            var (blobs, queues, tables) = ClientOptions();
            return (new StorageClients(new BlobServiceClient(cs, blobs), new QueueServiceClient(cs, queues), new TableServiceClient(cs, tables)), null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's connection string parsers; the string itself is never echoed (it holds the account key).
            return (null, $"The storage connection string {(connection is null ? "in AzureWebJobsStorage " : string.Empty)}is malformed: {FirstLine(ex.Message)}");
        }
    }

    /// <summary>https://NAME.{blob,queue,table}.core.windows.net with a token credential.</summary>
    internal static StorageClients ForAccount(string account, TokenCredential credential)
    {
        var (blobs, queues, tables) = ClientOptions();
        return new StorageClients(
            new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobs),
            new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queues),
            new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tables));
    }

    /// <summary>Why storage could not be used, for the failures that are about reaching or signing in to it; null for anything else.</summary>
    private static string? Unreachable(Exception ex, Uri endpoint) => ex switch
    {
        AuthenticationFailedException auth => $"Could not sign in to {endpoint.Host} with your Azure identity (run 'az login'): {FirstLine(auth.Message)}",
        RequestFailedException { Status: 401 or 403 } denied => $"Storage at {endpoint.Host} refused access ({denied.Status}): your identity needs the Storage Blob, Queue and Table Data Contributor roles. {FirstLine(denied.Message)}",
        RequestFailedException { Status: 0 } failed => $"Cannot reach storage at {endpoint.GetLeftPart(UriPartial.Authority)}: {FirstLine(failed.Message)}",
        AggregateException all when all.InnerExceptions.All(i => i is RequestFailedException { Status: 0 } or HttpRequestException) =>
            $"Cannot reach storage at {endpoint.GetLeftPart(UriPartial.Authority)} (tried {all.InnerExceptions.Count} times): {FirstLine(all.InnerExceptions[^1].Message)}",
        _ => null,
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountName();
}

using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Identity;
using SendFunctions.Cli.Commands;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Cli;

/// <summary>How sendfx's storage commands reach an account: --account with a token, or a connection string; and how they fail.</summary>
public sealed class StorageAccountTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Theory]
    [InlineData("runs")]
    [InlineData("deliveries", "--period", "2025-01")]
    [InlineData("status", "--period", "2025-01")]
    [InlineData("request", "--period", "2025-01")]
    [InlineData("resend", "--period", "2025-01", "--report", "hwb-board", "--reason", "The clerk asked.", "--yes")]
    [InlineData("approve", "--period", "2025-01", "--report", "hwb-board", "--yes")]
    public async Task StorageCommand_EmptyConnection_OneLineOnStandardErrorAndExit2(params string[] args)
    {
        var (exit, output, error) = await Sendfx.RunAsync([.. args, "--connection", ""]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("No storage account: give --account NAME (signs in with your Azure identity) or --connection, or set AzureWebJobsStorage.", error.TrimEnd());
    }

    [Fact]
    public async Task Runs_MalformedConnectionString_OneLineThatDoesNotEchoItAndExit2()
    {
        var (exit, _, error) = await Sendfx.RunAsync("runs", "--connection", "AccountName=secretish;AccountKey");

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("The storage connection string is malformed: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secretish", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_UnreachableEndpoint_OneLineAndExit2()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        } // closed again: nothing listens there

        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var (exit, _, error) = await Sendfx.RunAsync("runs", "--connection", connection);

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"Cannot reach storage at http://127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(DevKey, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Has_Underscore")]
    [InlineData("UPPER")]
    [InlineData("ab")]
    public async Task Runs_AccountThatIsNotAnAccountName_OneLineAndExit2(string account)
    {
        var (exit, _, error) = await Sendfx.RunAsync("runs", "--account", account);

        Assert.Equal(2, exit);
        Assert.Equal($"--account '{account}' is not a storage account name (3 to 24 lower-case letters and digits).", error.TrimEnd());
    }

    [Fact]
    public async Task Runs_AccountAndConnectionBoth_OneLineAndExit2()
    {
        var (exit, _, error) = await Sendfx.RunAsync("runs", "--account", "sendfxprod", "--connection", "UseDevelopmentStorage=true");

        Assert.Equal(2, exit);
        Assert.Equal("Give --account or --connection, not both.", error.TrimEnd());
    }

    [Fact]
    public void Open_Account_ClientsOnTheAccountsEndpoints()
    {
        var (clients, problem) = StorageAccount.Open(null, "sendfxprod", "UseDevelopmentStorage=true", new RefusingCredential());

        Assert.Null(problem);
        Assert.Equal(new Uri("https://sendfxprod.blob.core.windows.net/"), clients!.Blobs.Uri);
        Assert.Equal(new Uri("https://sendfxprod.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("sendfxprod", clients.Tables.AccountName);
        Assert.False(clients.Blobs.CanGenerateAccountSasUri); // no account key: signed in, not shared-key
    }

    [Fact]
    public async Task Open_Account_EveryClientAsksTheCredentialForAStorageToken()
    {
        var credential = new RefusingCredential();
        var (clients, _) = StorageAccount.Open(null, "sendfxprod", null, credential);

        await Assert.ThrowsAsync<CredentialUnavailableException>(() => clients!.Blobs.GetPropertiesAsync());
        await Assert.ThrowsAsync<CredentialUnavailableException>(() => clients!.Queues.GetPropertiesAsync());
        await Assert.ThrowsAsync<CredentialUnavailableException>(() => clients!.Tables.GetPropertiesAsync());

        Assert.Equal(3, credential.Scopes.Count);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://storage.azure.com/.default", scope));
    }

    /// <summary>A fake token credential (no identity can sign in here): records what it is asked for and refuses, so no request leaves the machine.</summary>
    private sealed class RefusingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            throw new CredentialUnavailableException("No identity in tests.");
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

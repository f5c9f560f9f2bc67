using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// A second Azurite (blob service only) as the app meets storage in Azure: HTTPS, and Bearer tokens accepted (its basic
/// OAuth mode), so a client holding only a token credential can read blobs and ask for a user delegation key, and Azurite
/// checks the user-delegation SAS signed with it. The certificate is made here, self-signed, and trusted by this
/// fixture's clients only.
/// </summary>
public sealed class EntraAzurite : IAsyncLifetime
{
    private readonly int port = FreePort();
    private readonly string folder = Directory.CreateTempSubdirectory("azurite-tls-").FullName;
    private X509Certificate2? certificate;
    private Process? process;

    public Uri BlobEndpoint => new($"https://127.0.0.1:{port}/devstoreaccount1");

    /// <summary>A blob client on this Azurite with a token for storage, as the app's managed identity has (<c>Storage:AccountName</c>).</summary>
    public BlobServiceClient WithToken(TokenCredential credential) => new(BlobEndpoint, credential, Options());

    public BlobServiceClient WithToken() => WithToken(new EmulatorTokenCredential("https://storage.azure.com"));

    /// <summary>
    /// A token client whose identity may read blobs but is refused a delegation key, as one without the role that grants
    /// <c>generateUserDelegationKey</c> is in Azure: Azurite does not check roles, so that one request carries a token it refuses.
    /// </summary>
    public BlobServiceClient WithoutDelegation()
    {
        var options = Options();
        options.AddPolicy(new RefuseDelegation(), HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(BlobEndpoint, new EmulatorTokenCredential("https://storage.azure.com"), options);
    }

    /// <summary>An HTTP client that trusts this Azurite's certificate, to follow a link as a clerk's browser would.</summary>
    public HttpClient Browser() => new(Handler(), disposeHandler: true);

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        var azurite = Path.Combine(AzuriteFixture.RepositoryRoot(), "node_modules", ".bin", "azurite-blob");
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", $"{port}",
                "--oauth", "basic", "--cert", Path.Combine(folder, "cert.pem"), "--key", Path.Combine(folder, "key.pem"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        certificate?.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private BlobClientOptions Options() => new() { Transport = new HttpClientTransport(new HttpClient(Handler(), disposeHandler: true)) };

    private HttpClientHandler Handler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && certificate is not null && presented.RawData.AsSpan().SequenceEqual(certificate.RawData),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Runs after the authentication policy: the delegation-key request alone gets a token for another audience.</summary>
internal sealed class RefuseDelegation : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.Query.Contains("comp=userdelegationkey", StringComparison.Ordinal))
        {
            var token = new EmulatorTokenCredential("https://vault.azure.net").GetToken(default, default).Token;
            message.Request.Headers.SetValue("Authorization", $"Bearer {token}");
        }
    }
}

/// <summary>
/// Fake, because Microsoft Entra ID cannot run here: an unsigned token with the claims Azurite's basic OAuth mode checks
/// (issuer, audience, lifetime) and the object and tenant ids a delegation key is issued to.
/// </summary>
internal sealed class EmulatorTokenCredential(string audience) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var tenant = "6f0e6d2c-1f3a-4a8e-9d51-0c6c1d1e2f30";
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var claims = Base64Url($$"""{"aud":"{{audience}}","iss":"https://sts.windows.net/{{tenant}}/","iat":{{now.AddMinutes(-5).ToUnixTimeSeconds()}},"nbf":{{now.AddMinutes(-5).ToUnixTimeSeconds()}},"exp":{{now.AddHours(1).ToUnixTimeSeconds()}},"oid":"0b3c1a55-8f9e-4c2d-a6b7-3e4f5a6b7c8d","tid":"{{tenant}}"}""");
        return new AccessToken($"{header}.{claims}.", now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

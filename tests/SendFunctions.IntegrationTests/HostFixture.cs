using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SendFunctions.Hosting;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// Azurite plus the real WebJobs host (the same builder as Program.cs): started once for the run and shared by the classes
/// in <see cref="HostTestGroup"/>, or once per class, with storage of its own, for the classes in <see cref="IsolatedHostGroup"/>.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalSendGridServer SendGrid { get; } = new();

    /// <summary>The key pair SendGrid would sign webhook events with; the host is given the public half.</summary>
    public System.Security.Cryptography.ECDsa WebhookKey { get; } = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

    public Uri WebhookUrl { get; private set; } = null!;

    /// <summary>Every log record the host writes, to count what it did (ingests, sends) rather than only what it left behind.</summary>
    public HostLogs Logs { get; } = new();
    private IHost? host;

    public string ConnectionString => azurite.ConnectionString;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    public QueueServiceClient Queues { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Blobs = new BlobServiceClient(ConnectionString);
        Tables = new TableServiceClient(ConnectionString);
        Queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await Blobs.GetBlobContainerClient("drops").CreateIfNotExistsAsync();
        await UploadConfigAsync(File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")));
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            WebhookUrl = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/api/sendgrid/events");
        }

        host = FunctionHost.Create([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["Ingestion:MaxUncompressedBytes"] = $"{10 * 1024 * 1024}",
            ["DropSweepSchedule"] = "*/2 * * * * *",
            ["Ingestion:SweepGracePeriod"] = "00:00:20", // Azurite's blob scan misses same-second uploads; the sweep rescues them within the tests' waits
            ["SendGrid:ApiKey"] = "SG.test-key-never-logged",
            ["SendGrid:Host"] = SendGrid.Host,
            ["SendGrid:WebhookPublicKey"] = Convert.ToBase64String(WebhookKey.ExportSubjectPublicKeyInfo()),
            ["Mail:MaxAttempts"] = "3",
            ["SignOff:Key"] = Convert.ToBase64String(SignOffKey),
            ["SignOff:PublicUrl"] = WebhookUrl.GetLeftPart(UriPartial.Authority),
            ["Mail:BaseDelay"] = "00:00:00.010",
            ["Mail:MaxDelay"] = "00:00:01",
            ["Mail:RequestTimeout"] = "00:00:02",
            ["Mail:ClaimLease"] = "00:00:04",
            ["extensions:queues:visibilityTimeout"] = "00:00:01",
            ["extensions:queues:maxPollingInterval"] = "00:00:01",
            ["InFlightRecoverySchedule"] = "*/2 * * * * *",
            ["Recovery:WorkLease"] = "00:00:30", // generous: a live worker on a busy machine must never look dead
        }), webhookUrls: WebhookUrl.GetLeftPart(UriPartial.Authority))
            .ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs))
            .Build();
        await host.StartAsync();

        // The blob trigger's first scan takes the configuration uploaded above; an upload a test makes in the same second
        // as that scan could be missed (Azurite keeps whole seconds), so tests start once it is done.
        await Eventually.GetAsync(
            () => Task.FromResult(Logs.Snapshot().FirstOrDefault(l => l.Category == "Function.ConfigUploaded" && l.Message.StartsWith("Executed", StringComparison.Ordinal))),
            "the host's first scan of the configuration");
        await Eventually.PastTheSecondOfAsync(DateTimeOffset.UtcNow);
    }

    /// <summary>A mail delivery on this run's Azurite, sending through the real SendGrid client (and the host's HTTP pipeline) to a local stand-in server.</summary>
    public SendFunctions.Mailing.MailDelivery Delivery(TimeProvider clock, LocalSendGridServer? server = null, SendFunctions.Mailing.MailOptions? options = null) =>
        Deliveries.Create(Tables, (server ?? SendGrid).Host, clock, options ?? new SendFunctions.Mailing.MailOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(2), ClaimLease = TimeSpan.FromSeconds(5) });

    /// <summary>Log records of the running host that an alert rule in infra/modules/alerts.bicep matches.</summary>
    public IReadOnlyList<string> AlertEvents() => Logs.Snapshot().Select(l => l.Message).Where(Deliveries.IsAlert).ToList();

    /// <summary>A service of the running host, as the functions get it.</summary>
    public T Service<T>()
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(host!.Services);

    /// <summary>
    /// Replaces config/reporting.json (tests in the host group run one at a time). The committee calendars are taken out
    /// unless <paramref name="withCalendars"/>, so that papers go straight to their lists as before sign-off existed.
    /// </summary>
    public async Task UploadConfigAsync(byte[] content, bool withCalendars = false)
    {
        if (!withCalendars && System.Text.Json.Nodes.JsonNode.Parse(content) is System.Text.Json.Nodes.JsonObject { } json && json["reports"] is System.Text.Json.Nodes.JsonObject reports)
        {
            foreach (var (_, report) in reports)
            {
                (report as System.Text.Json.Nodes.JsonObject)?.Remove("calendar");
            }

            content = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        var config = Blobs.GetBlobContainerClient("config");
        await config.CreateIfNotExistsAsync();
        await config.GetBlobClient("reporting.json").UploadAsync(new BinaryData(content), overwrite: true);
    }

    /// <summary>Uploads each sample drop (samples/drops) the drops container does not hold yet, as an owner would, and waits for its ingest.</summary>
    public async Task UploadSampleDropsAsync()
    {
        var root = Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops");
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            var blob = Blobs.GetBlobContainerClient(Core.Storage.StorageLayout.Drops).GetBlobClient(name);
            if (await blob.ExistsAsync())
            {
                continue;
            }

            var uploaded = (await blob.UploadAsync(new BinaryData(await File.ReadAllBytesAsync(file)), overwrite: true)).Value;
            await WaitForIngestAsync(name, uploaded);
        }
    }

    /// <summary>Waits until the host has recorded the ingest run of this upload of <c>drops/{name}</c>.</summary>
    public async Task WaitForIngestAsync(string name, Azure.Storage.Blobs.Models.BlobContentInfo uploaded)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        var (partition, rowKey) = Operations.RunRow.IngestKey(name, uploaded.LastModified, uploaded.ETag.ToString());
        var runs = Tables.GetTableClient(Core.Storage.StorageLayout.RunsTable);
        await Eventually.GetAsync(async () => (await runs.GetEntityIfExistsAsync<TableEntity>(partition, rowKey)).HasValue ? (object)true : null, $"the ingest of {name}");
    }

    /// <summary>The host's key for approve links (SignOff:Key).</summary>
    public static byte[] SignOffKey { get; } = System.Text.Encoding.UTF8.GetBytes("integration tests' sign-off key, 32+ bytes");

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }

        await azurite.DisposeAsync();
        SendGrid.Dispose();
        WebhookKey.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class HostTestGroup : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}

/// <summary>
/// The classes that each get storage no other class can touch: a class here declares <c>IClassFixture&lt;HostFixture&gt;</c>
/// and gets a <see cref="HostFixture"/> of its own (its own Azurite, in memory on its own ports, and its own host), so it
/// need not avoid other classes' periods, configuration, runs or emails. A class has its own emulator rather than a name
/// prefix on one shared account because the host keys its singleton locks (each timer, the blob scan) and blob receipts
/// to the account: two hosts on one account would take each other's timers and receipts whatever their container names.
/// The classes run one at a time (beside the shared group), which keeps the machine's load what it was.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IsolatedHostGroup
{
    public const string Name = "isolated host";
}

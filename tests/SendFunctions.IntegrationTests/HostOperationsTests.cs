using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>What the running host tells ops: its configuration and functions at start, and its health on the webhook's listener.</summary>
[Collection(HostTestGroup.Name)]
public sealed class HostOperationsTests(HostFixture host)
{
    private static readonly string[] Functions =
    [
        "CommitteeCalendar", "ConfigSweep", "ConfigUploaded", "CycleWatch", "DropReminders", "EmailRequestPoisoned", "GenerateReports", "IngestDrop", "MonthlyReportCycle", "OwnerEmailPoisoned",
        "RecoverInFlight", "ReportRequestPoisoned", "SendOwnerEmails", "SendReports", "SweepDrops",
    ];

    [Fact]
    public void Start_LogsItsEffectiveConfigurationWithSecretsRedacted()
    {
        var configuration = Assert.Single(host.Logs.Snapshot(), l => l.EventId == 4005).Message;

        Assert.Contains("Mail:MaxAttempts=3", configuration, StringComparison.Ordinal);
        Assert.Contains("DropSweepSchedule=*/2 * * * * *", configuration, StringComparison.Ordinal);
        Assert.Contains("SendGrid:ApiKey=(set, redacted)", configuration, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage=(set, redacted)", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.test-key-never-logged", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", configuration, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Start_LogsEveryFunctionWithItsTrigger()
    {
        var functions = Assert.Single(host.Logs.Snapshot(), l => l.EventId == 4006);

        Assert.Equal(Functions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), functions.Value("Count"));
        Assert.All(Functions, f => Assert.Contains(f + " (", functions.Message, StringComparison.Ordinal));
        Assert.Contains("IngestDrop (blob drops/{name})", functions.Message, StringComparison.Ordinal);
        Assert.Contains("GenerateReports (queue report-requests)", functions.Message, StringComparison.Ordinal);
        Assert.Contains("MonthlyReportCycle (timer %MonthlyReportSchedule%)", functions.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_StorageUp_Answers200WithEachEndpointAndTheVersion()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(host.WebhookUrl, Health.Route));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("blobs").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("queues").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("tables").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Requests_ToTheListener_AreNotLoggedAtInformation()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(host.WebhookUrl, Health.Route));

        Assert.DoesNotContain(host.Logs.Snapshot(), l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level <= Microsoft.Extensions.Logging.LogLevel.Information);
        Assert.DoesNotContain(host.Logs.Snapshot(), l => l.EventId == 3103); // a webhook batch applied: Debug
    }

    [Fact]
    public async Task Healthz_StorageUnreachable_Answers503SayingWhich()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions();
        var tableOptions = new TableClientOptions();
        blobOptions.Retry.MaxRetries = queueOptions.Retry.MaxRetries = tableOptions.Retry.MaxRetries = 0;
        var health = new Health(new BlobServiceClient(connection, blobOptions), new QueueServiceClient(connection, queueOptions), new TableServiceClient(connection, tableOptions));
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await (await health.HandleAsync(CancellationToken.None)).ExecuteAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        var answer = JsonDocument.Parse(body.ToArray()).RootElement;
        Assert.Equal("unhealthy", answer.GetProperty("status").GetString());
        Assert.Equal("unreachable", answer.GetProperty("storage").GetProperty("blobs").GetString());
    }
}

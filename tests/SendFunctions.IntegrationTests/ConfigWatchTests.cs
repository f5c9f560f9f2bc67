using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>reporting.json checked by the real host at start and on upload: each error logged as event 1004, which the config-invalid alert matches.</summary>
[Collection(HostTestGroup.Name)]
public sealed class ConfigWatchTests(HostFixture host)
{
    [Fact]
    public void HostStart_SampleConfiguration_LogsItsWarningsAndNoError()
    {
        var logs = host.Logs.Snapshot();

        Assert.Contains(logs, l => l.EventId == 1005 && l.Value("Path") == "reports.hwb-board.author.phone");
        Assert.DoesNotContain(logs, l => l.EventId == 1004 && l.Message.Contains("author.phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigUploaded_AddressWithADisplayName_LogsAnErrorAtItsPath()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "config", "reporting.json")))!;
        config["reports"]!["exceptions"]!["distribution"]!["to"]![0] = "Executive Group <exec@wirral.gov.uk>";
        var logs = new HostLogs();
        using var factory = new LoggerFactory([logs]);

        var container = host.Blobs.GetBlobContainerClient("configwatch-display-name");
        await container.CreateIfNotExistsAsync();
        var uploaded = container.GetBlobClient("reporting.json");
        await uploaded.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(config.ToJsonString())), overwrite: true);

        await new ConfigWatch(host.Blobs, new CheckedConfigVersion(), new Logger<ConfigWatch>(factory)).CheckAsync(uploaded, CancellationToken.None);

        var error = Assert.Single(logs.Snapshot(), l => l.EventId == 1004);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal("reports.exceptions.distribution.to[0]", error.Value("Path"));
        Assert.StartsWith("reporting.json is invalid at reports.exceptions.distribution.to[0]: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exec@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_AVersionNotYetChecked_IsCheckedOnceAndNotAgain()
    {
        var logs = new HostLogs();
        using var factory = new LoggerFactory([logs]);
        var watch = new ConfigWatch(host.Blobs, new CheckedConfigVersion(), new Logger<ConfigWatch>(factory));

        await watch.ConfigSweep(null!, CancellationToken.None);
        var first = logs.Snapshot().Count(l => l.EventId == 1005 && l.Value("Path") == "reports.hwb-board.author.phone");
        await watch.ConfigSweep(null!, CancellationToken.None);
        await watch.ConfigUploaded(Stream.Null, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(1, logs.Snapshot().Count(l => l.EventId == 1005 && l.Value("Path") == "reports.hwb-board.author.phone"));
    }

    [Fact]
    public async Task Upload_BrokenConfiguration_TheRunningHostLogsTheErrorAndUsesNoneOfIt()
    {
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        await Eventually.PastTheSecondOfAsync(original.Value.Details.LastModified);
        var config = JsonNode.Parse(original.Value.Content.ToString())!;
        config["programme"]!["lead"]!["email"] = "lead@wirral.gov.uk; deputy@wirral.gov.uk";
        try
        {
            await host.UploadConfigAsync(Encoding.UTF8.GetBytes(config.ToJsonString()));

            var error = await Eventually.GetAsync(
                () => Task.FromResult(host.Logs.Snapshot().FirstOrDefault(l => l.EventId == 1004 && l.Value("Path") == "programme.lead.email")),
                "the host's error on the uploaded configuration");
            Assert.Contains("holds more than one address", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }
}

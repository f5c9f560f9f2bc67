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

        await new ConfigWatch(new Logger<ConfigWatch>(factory)).ConfigUploaded(new MemoryStream(Encoding.UTF8.GetBytes(config.ToJsonString())), CancellationToken.None);

        var error = Assert.Single(logs.Snapshot(), l => l.EventId == 1004);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal("reports.exceptions.distribution.to[0]", error.Value("Path"));
        Assert.StartsWith("reporting.json is invalid at reports.exceptions.distribution.to[0]: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exec@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BrokenConfiguration_TheRunningHostLogsTheErrorAndUsesNoneOfIt()
    {
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
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

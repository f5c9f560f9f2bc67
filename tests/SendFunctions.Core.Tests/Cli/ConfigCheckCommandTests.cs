using System.Text.Json;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Tests.Configuration;
using SendFunctions.Core.Tests.Support;
using SendFunctions.Mailing;

namespace SendFunctions.Core.Tests.Cli;

public sealed class ConfigCheckCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-config-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task ConfigCheck_Sample_ExitsZeroWithWarnings()
    {
        var (exit, output, _) = await Sendfx.RunAsync("config", "check", ConfigCheckTests.SamplePath);

        Assert.Equal(0, exit);
        Assert.Contains("reporting.json: valid, 0 errors,", output, StringComparison.Ordinal);
        Assert.Contains("warning reports.hwb-board.author.phone", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_BrokenFile_ExitsOneWithEachPathAndFix()
    {
        var config = ConfigCheckTests.Set("reports.hwb-board.distribution.to[0]", "Clerk <clerk@wirral.gov.uk>");
        config["programme"]!["name"] = " ";
        var file = Write(config.ToJsonString());

        var (exit, output, _) = await Sendfx.RunAsync("config", "check", file);

        Assert.Equal(1, exit);
        Assert.Contains("invalid, 2 errors", output, StringComparison.Ordinal);
        Assert.Contains("error   programme.name", output, StringComparison.Ordinal);
        Assert.Contains("error   reports.hwb-board.distribution.to[0]", output, StringComparison.Ordinal);
        Assert.Contains("Fix: Write the address alone", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_Json_ListsErrorsWithPathMessageAndFix()
    {
        var file = Write(ConfigCheckTests.Set("datasets.metrics.owner.email", "a@wirral.gov.uk; b@wirral.gov.uk").ToJsonString());

        var (exit, output, _) = await Sendfx.RunAsync("config", "check", file, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("datasets.metrics.owner.email", error.GetProperty("path").GetString());
        Assert.StartsWith("Put each address in its own string", error.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_NoSuchFile_ExitsTwo()
    {
        var (exit, _, error) = await Sendfx.RunAsync("config", "check", Path.Combine(folder.FullName, "absent.json"));

        Assert.Equal(2, exit);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_NoFileGiven_ExitsTwo()
    {
        var (exit, _, _) = await Sendfx.RunAsync("config", "check");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Validate_ConfigWithoutAFile_ChecksTheConfigurationAsConfigCheckDoes()
    {
        var file = Write(ConfigCheckTests.Set("programme.replyTo", "team@wirral.gov.uk ").ToJsonString());

        var (exit, output, _) = await Sendfx.RunAsync("validate", "--config", file);

        Assert.Equal(1, exit);
        Assert.Contains("error   programme.replyTo", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clerk <clerk@wirral.gov.uk>")]
    [InlineData("clerk@wirral.gov.uk ")]
    [InlineData("a@wirral.gov.uk; b@wirral.gov.uk")]
    public async Task Transports_AddressNotPlain_BothRefuseWithTheSameMessage(string address)
    {
        var message = new MailMessage(["ok@wirral.gov.uk"], [address], [], "Subject", "<p>x</p>", "x", []);
        var mail = Options.Create(new MailOptions { PickupDirectory = Path.Combine(folder.FullName, "mail") });
        // A SendGrid client pointed at a closed port: a request would come back NotSent, never Refused.
        var sendGrid = new SendGridTransport(new SendGrid.SendGridClient(new HttpClient(), new SendGrid.SendGridClientOptions { ApiKey = "SG.x", Host = "http://127.0.0.1:9" }), mail, Options.Create(new SendGridOptions()));
        var pickup = new PickupTransport(mail, TimeProvider.System);

        var viaSendGrid = await sendGrid.SendAsync(message, CancellationToken.None);
        var viaPickup = await pickup.SendAsync(message, CancellationToken.None);

        Assert.Equal(AttemptOutcome.Refused, viaSendGrid.Outcome);
        Assert.True(viaSendGrid.Permanent);
        Assert.Equal(viaSendGrid, viaPickup);
        Assert.StartsWith("Not sent: cc address 1", viaPickup.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, "mail")));
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder.FullName, "reporting.json");
        File.WriteAllText(path, json);
        return path;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Privacy;

/// <summary>A finding never echoes the value: not in the report's JSON or CSV, the owner's email, or sendfx validate's output.</summary>
public sealed class PersonalDataEchoTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-privacy-");

    public static TheoryData<PersonalDataKind, FileFormat> KindsAndFormats()
    {
        var data = new TheoryData<PersonalDataKind, FileFormat>();
        foreach (var kind in PersonalDataKinds.All)
        {
            data.Add(kind, FileFormat.Csv);
            data.Add(kind, FileFormat.Xlsx);
        }

        return data;
    }

    public static TheoryData<PersonalDataKind> Kinds() => [.. PersonalDataKinds.All];

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void ReportAndOwnerEmail_Finding_NeverShowTheValue(PersonalDataKind kind, FileFormat format)
    {
        var (text, secrets) = PrivacyDrops.Samples[kind];
        var report = PrivacyDrops.Validate(Dataset.Milestones, "Commentary", text, format).Report;
        var csv = ValidationReportWriter.ToCsv(report);
        var json = ValidationReportWriter.ToJson(report);

        var mail = OwnerEmail.For($"milestones.{format.ToString().ToLowerInvariant()}", report, new Person("Programme Office", "pmo@example.gov.uk"), csv);

        string[] outputs =
        [
            Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(csv), mail.Subject, mail.Html, mail.Text,
            .. mail.Attachments.Select(a => Encoding.UTF8.GetString(a.Content)),
        ];
        Assert.Contains("PersonalData", outputs[0], StringComparison.Ordinal);
        Assert.Contains(kind.Describe(), mail.Text, StringComparison.Ordinal);
        Assert.All(outputs, o => Assert.All(secrets, s => Assert.DoesNotContain(s, o, StringComparison.OrdinalIgnoreCase)));
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("errors")[0].GetProperty("value").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OwnerReceipt_FindingAsWarning_NeverShowsTheValue(PersonalDataKind kind)
    {
        var (text, secrets) = PrivacyDrops.Samples[kind];
        var report = PrivacyDrops.Validate(Dataset.Actions, "Action", text, FileFormat.Csv, PrivacyDrops.With(kind, DetectorSetting.Warning)).Report;

        var mail = OwnerEmail.For("actions.csv", report, new Person("Board Secretary", "board@example.gov.uk"), ValidationReportWriter.ToCsv(report));

        Assert.StartsWith("Received", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(kind.Describe(), mail.Text, StringComparison.Ordinal);
        Assert.All([mail.Html, mail.Text, Encoding.UTF8.GetString(ValidationReportWriter.ToCsv(report))],
            o => Assert.All(secrets, s => Assert.DoesNotContain(s, o, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public async Task Sendfx_ValidateFinding_NeverPrintsTheValue(PersonalDataKind kind, FileFormat format)
    {
        var (text, secrets) = PrivacyDrops.Samples[kind];
        var file = Write("metrics", format, PrivacyDrops.Content(Dataset.Metrics, "Metric", text, format));

        var plain = await Sendfx.RunAsync("validate", file);
        var json = await Sendfx.RunAsync("validate", file, "--json");

        Assert.Equal((1, 1), (plain.Exit, json.Exit));
        Assert.Contains($"Row 2, column 'Metric': This cell appears to contain {kind.Describe()}", plain.Output, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"PersonalData\"", json.Output, StringComparison.Ordinal);
        Assert.All([plain.Output, plain.Error, json.Output, json.Error], o => Assert.All(secrets, s => Assert.DoesNotContain(s, o, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Sendfx_ValidateWithConfig_TakesTheSettingsAndStaffDomainsFromIt()
    {
        var config = Path.Combine(folder.FullName, "reporting.json");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Samples, "config", "reporting.json")))!;
        sample["programme"]!["staffEmailDomains"] = new JsonArray("wirral.gov.uk", "partner.org.uk");
        sample["programme"]!["personalData"] = new JsonObject { ["mobile"] = "warning" };
        File.WriteAllText(config, sample.ToJsonString());
        var mobile = Write("actions", FileFormat.Csv, PrivacyDrops.Content(Dataset.Actions, "Action", "Call 07700 900123", FileFormat.Csv));
        var partner = Write("milestones", FileFormat.Csv, PrivacyDrops.Content(Dataset.Milestones, "Commentary", "Agreed with lead@partner.org.uk", FileFormat.Csv));

        Assert.Equal(1, (await Sendfx.RunAsync("validate", mobile)).Exit);
        var withConfig = await Sendfx.RunAsync("validate", mobile, "--config", config);
        Assert.Equal(1, (await Sendfx.RunAsync("validate", partner)).Exit);
        var partnerWithConfig = await Sendfx.RunAsync("validate", partner, "--config", config);

        Assert.Equal(0, withConfig.Exit);
        Assert.Contains("Warnings", withConfig.Output, StringComparison.Ordinal);
        Assert.Contains(PersonalDataKind.Mobile.Describe(), withConfig.Output, StringComparison.Ordinal);
        Assert.Equal(0, partnerWithConfig.Exit);
    }

    [Fact]
    public async Task Sendfx_ValidateWithBadConfig_IsAUsageError()
    {
        var config = Path.Combine(folder.FullName, "reporting.json");
        File.WriteAllText(config, "{ \"programme\": { \"name\": \"P\", \"localArea\": \"A\", \"deadline\": \"2025-10-31\", \"lead\": { \"name\": \"L\", \"email\": \"l@x.gov.uk\" }, \"personalData\": { \"email\": \"sometimes\" } }, \"datasets\": {} }");
        var file = Write("actions", FileFormat.Csv, PrivacyDrops.Content(Dataset.Actions, "Action", "Circulate", FileFormat.Csv));

        var (exit, _, error) = await Sendfx.RunAsync("validate", file, "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("personalData", error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string dataset, FileFormat format, byte[] content)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder.FullName, "2025-01"));
        var path = Path.Combine(dir.FullName, $"{dataset}.{format.ToString().ToLowerInvariant()}");
        File.WriteAllBytes(path, content);
        return path;
    }
}

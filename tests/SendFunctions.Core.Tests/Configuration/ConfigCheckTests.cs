using System.Text;
using System.Text.Json.Nodes;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Configuration;

/// <summary>The checks on reporting.json that the host and sendfx config check share, each rule broken on purpose in the sample.</summary>
public sealed class ConfigCheckTests
{
    public static string SamplePath => Path.Combine(Repository.Samples, "config", "reporting.json");

    [Fact]
    public void Parse_Sample_HasNoErrorsAndWarnsOnlyOfPlaceholderContacts()
    {
        var result = ReportingConfig.Parse(File.ReadAllBytes(SamplePath));

        Assert.NotNull(result.Config);
        Assert.Empty(result.Problems);
        Assert.All(result.Findings!, f =>
        {
            Assert.Equal(ConfigSeverity.Warning, f.Severity);
            Assert.Matches("placeholder", f.Message);
        });
    }

    [Theory]
    [InlineData("reports.hwb-board.distribution.to[0]", "Clerk <hwb.clerk@wirral.gov.uk>", "name or quotes around the address")]
    [InlineData("reports.hwb-board.distribution.to[0]", "hwb.clerk@wirral.gov.uk ", "space before or after")]
    [InlineData("reports.hwb-board.distribution.cc[0]", "a@wirral.gov.uk; b@wirral.gov.uk", "more than one address")]
    [InlineData("reports.cype-committee.distribution.to[0]", "a@wirral.gov.uk, b@wirral.gov.uk", "more than one address")]
    [InlineData("reports.hwb-board.distribution.bcc[0]", "clerk.wirral.gov.uk", "has no @")]
    [InlineData("reports.hwb-board.author.email", "sam taylor@wirral.gov.uk", "part before the @")]
    [InlineData("programme.lead.email", "lead@wirral", "domain after the @")]
    [InlineData("programme.replyTo", "\"Team\" <team@wirral.gov.uk>", "name or quotes")]
    [InlineData("datasets.metrics.owner.email", "", "is empty")]
    public void Parse_AddressNotPlain_IsAnErrorAtItsPathWithAFix(string path, string address, string fault)
    {
        var result = Parse(Set(path, address));

        Assert.Null(result.Config);
        var finding = Assert.Single(result.Findings!, f => f.Severity == ConfigSeverity.Error);
        Assert.Equal(path, finding.Path);
        Assert.Contains(fault, finding.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        Assert.DoesNotContain("wirral.gov.uk", finding.Message.Replace("wirral.gov.uk)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // the value is not echoed
    }

    [Theory]
    [InlineData("programme.name", "")]
    [InlineData("programme.localArea", "  ")]
    [InlineData("programme.lead.name", "")]
    [InlineData("datasets.actions.owner.name", "")]
    [InlineData("reports.exceptions.board", " ")]
    [InlineData("reports.hwb-board.title", "")]
    [InlineData("reports.hwb-board.summary[1]", " ")]
    [InlineData("reports.hwb-board.implications[0].paragraphs[0]", "")]
    public void Parse_RequiredTextBlank_IsAnErrorAtItsPath(string path, string value)
    {
        var finding = Assert.Single(Parse(Set(path, value)).Findings!, f => f.Severity == ConfigSeverity.Error);

        Assert.Equal(path, finding.Path);
        Assert.Contains("blank", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyDistribution_IsAnError()
    {
        var config = Sample();
        config["reports"]!["hwb-board"]!["distribution"]!["to"] = new JsonArray();

        var finding = Assert.Single(Parse(config).Findings!, f => f.Severity == ConfigSeverity.Error);

        Assert.Equal("reports.hwb-board.distribution.to", finding.Path);
    }

    [Theory]
    [InlineData("reports.hwb-board.summary[0]", "The {board} meets on {meeting}.", "{meeting}")]
    [InlineData("reports.hwb-board.title", "SEND Improvement, {Month}", "{Month}")]
    [InlineData("reports.hwb-board.termsOfReference", "Under {terms}.", "{terms}")]
    [InlineData("reports.hwb-board.implications[1].heading", "{heading}", "{heading}")]
    public void Parse_UnknownPlaceholder_IsAnErrorNamingIt(string path, string text, string placeholder)
    {
        var finding = Assert.Single(Parse(Set(path, text)).Findings!, f => f.Severity == ConfigSeverity.Error);

        Assert.Equal(path, finding.Path);
        Assert.Contains(placeholder, finding.Message, StringComparison.Ordinal);
        Assert.Contains("{month}", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExemptNoticeWithAReportPlaceholder_IsAnErrorItTakesParagraphOnly()
    {
        var config = Sample();
        config["reports"]!["hwb-board"]!["exemptNotice"] = "Exempt under paragraph {paragraph} for {month}.";

        var finding = Assert.Single(Parse(config).Findings!, f => f.Severity == ConfigSeverity.Error);

        Assert.Equal("reports.hwb-board.exemptNotice", finding.Path);
        Assert.Contains("{month}", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-13", "2025-03-13", "reports.hwb-board.meetingDates", "not a month")]
    [InlineData("2025-01", "2024-12-31", "reports.hwb-board.meetingDates.2025-01", "before the month")]
    [InlineData("2025-01", "2026-03-13", "reports.hwb-board.meetingDates.2025-01", "more than a year after")]
    public void Parse_MeetingDateInvalid_IsAnError(string month, string date, string path, string problem)
    {
        var config = Sample();
        config["reports"]!["hwb-board"]!["meetingDates"] = new JsonObject { [month] = date };

        var finding = Assert.Single(Parse(config).Findings!, f => f.Severity == ConfigSeverity.Error);

        Assert.Equal(path, finding.Path);
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MeetingDateThatDoesNotExist_IsAnErrorAtItsPath()
    {
        var config = Sample();
        config["reports"]!["hwb-board"]!["meetingDates"] = new JsonObject { ["2025-01"] = "2025-02-30" };

        var finding = Assert.Single(Parse(config).Findings!);

        Assert.Equal("reports.hwb-board.meetingDates.2025-01", finding.Path);
        Assert.Contains("yyyy-MM-dd", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("datasets.milestones.owner.name", "TBC", "datasets.milestones.owner.name")]
    [InlineData("programme.lead.name", "xxx", "programme.lead.name")]
    [InlineData("reports.hwb-board.distribution.to[0]", "xxx@wirral.gov.uk", "reports.hwb-board.distribution.to[0]")]
    [InlineData("reports.hwb-board.distribution.to[0]", "clerk@example.com", "reports.hwb-board.distribution.to[0]")]
    [InlineData("reports.hwb-board.author.name", "TBC", "reports.hwb-board.author.name")]
    public void Parse_PlaceholderContact_IsAWarningAndTheConfigIsUsed(string path, string value, string warned)
    {
        var clean = Sample();
        var result = Parse(Set(clean, path, value));

        Assert.NotNull(result.Config);
        Assert.Contains(result.Findings!, f => f.Severity == ConfigSeverity.Warning && f.Path == warned);
    }

    [Fact]
    public void Parse_NotJson_IsOneErrorWithALine()
    {
        var result = ReportingConfig.Parse(Encoding.UTF8.GetBytes("{ \"programme\": { \"name\": \"x\",, } }"));

        var finding = Assert.Single(result.Findings!);
        Assert.Equal(ConfigSeverity.Error, finding.Severity);
        Assert.Contains("line 1", finding.Message, StringComparison.Ordinal);
    }

    internal static JsonNode Sample() => JsonNode.Parse(File.ReadAllText(SamplePath))!;

    internal static JsonNode Set(string path, string value) => Set(Sample(), path, value);

    /// <summary>Sets the value at a path such as <c>reports.hwb-board.distribution.to[0]</c>, with every other address made real so only the change is found.</summary>
    internal static JsonNode Set(JsonNode config, string path, string value)
    {
        RealAddresses(config);
        var node = config;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = parts[i].Contains('[', StringComparison.Ordinal)
                ? (parts[i][..parts[i].IndexOf('[', StringComparison.Ordinal)], int.Parse(parts[i][(parts[i].IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture))
                : (parts[i], -1);
            var last = i == parts.Length - 1;
            if (index < 0 && last)
            {
                node[name] = value;
            }
            else if (index < 0)
            {
                node = node[name] ??= new JsonObject();
            }
            else
            {
                var array = (node[name] ??= new JsonArray()).AsArray();
                while (array.Count <= index)
                {
                    array.Add("real.person@wirral.gov.uk");
                }

                if (last)
                {
                    array[index] = value;
                }
                else
                {
                    node = array[index]!;
                }
            }
        }

        return config;
    }

    internal static ConfigResult Parse(JsonNode config) => ReportingConfig.Parse(Encoding.UTF8.GetBytes(config.ToJsonString()));

    /// <summary>The sample's example.gov.uk addresses and placeholder phone made real, so that a test sees only what it broke.</summary>
    private static void RealAddresses(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var s) && s.EndsWith("@example.gov.uk", StringComparison.Ordinal))
                    {
                        o[key] = s.Replace("@example.gov.uk", "@wirral.gov.uk", StringComparison.Ordinal);
                    }
                    else if (key == "phone")
                    {
                        o[key] = "0151 666 4321";
                    }
                    else if (child is not null)
                    {
                        RealAddresses(child);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.EndsWith("@example.gov.uk", StringComparison.Ordinal))
                    {
                        a[i] = s.Replace("@example.gov.uk", "@wirral.gov.uk", StringComparison.Ordinal);
                    }
                    else if (a[i] is { } child)
                    {
                        RealAddresses(child);
                    }
                }

                break;
        }
    }
}

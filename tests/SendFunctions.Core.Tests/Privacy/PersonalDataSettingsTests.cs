using System.Text;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Privacy;

/// <summary>reporting.json's staff email domains and per-detector settings, and the samples passing the guard.</summary>
public sealed class PersonalDataSettingsTests
{
    private const string Programme = "\"name\": \"P\", \"localArea\": \"A\", \"deadline\": \"2025-10-31\", \"lead\": { \"name\": \"L\", \"email\": \"lead@council.example.org\" }";

    private static readonly string Datasets = "\"datasets\": { \"milestones\": { \"owner\": { \"name\": \"O\", \"email\": \"owner@pmo.example.net\" } } }, "
        + "\"reports\": { \"hwb-board\": { \"board\": \"B\", \"title\": \"T\", \"distribution\": { \"to\": [\"clerk@clerks.example.com\"], \"bcc\": [\"x@hidden.example.com\"] }, \"author\": { \"name\": \"A\", \"email\": \"a@authors.example.com\" } } }";

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Samples, "drops"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Samples, file));
        }

        return data;
    }

    [Fact]
    public void For_NoStaffDomainsSet_AllowsTheConfiguredAddressesDomainsAndThePublicSector()
    {
        var policy = PersonalDataPolicy.For(Parse("{ \"programme\": { " + Programme + " }, " + Datasets + " }"));

        Assert.Equal(
            ["authors.example.com", "clerks.example.com", "council.example.org", "gov.uk", "hidden.example.com", "nhs.net", "nhs.uk", "pmo.example.net", "sch.uk"],
            policy.StaffEmailDomains);
        Assert.Equal(new PersonalDataSettings(), policy.Settings);
    }

    [Fact]
    public void For_StaffDomainsAndSettingsGiven_AreTakenAsWritten()
    {
        var policy = PersonalDataPolicy.For(Parse("{ \"programme\": { " + Programme
            + ", \"staffEmailDomains\": [\"@Wirral.gov.uk\", \"partner.org.uk\"], \"personalData\": { \"email\": \"warning\", \"mobile\": \"OFF\" } }, " + Datasets + " }"));

        Assert.Equal(["partner.org.uk", "wirral.gov.uk"], policy.StaffEmailDomains);
        Assert.Equal(new PersonalDataSettings(Email: DetectorSetting.Warning, Mobile: DetectorSetting.Off), policy.Settings);
        Assert.True(policy.IsStaffDomain("send.wirral.gov.uk"));
        Assert.False(policy.IsStaffDomain("nhs.net"));
    }

    [Fact]
    public void Parse_StaffDomainThatIsNotADomain_IsAProblem()
    {
        var result = ReportingConfig.Parse(Encoding.UTF8.GetBytes("{ \"programme\": { " + Programme + ", \"staffEmailDomains\": [\"jane@gmail.com\", \"localhost\"] }, \"datasets\": {} }"));

        Assert.Null(result.Config);
        Assert.Equal(2, result.Problems.Count(p => p.StartsWith("programme.staffEmailDomains", StringComparison.Ordinal)));
    }

    [Fact]
    public void For_NoConfiguration_IsTheDefault() =>
        Assert.Same(PersonalDataPolicy.Default, PersonalDataPolicy.For(null));

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Validate_SampleFile_HasNoPersonalDataFinding(string relative)
    {
        var config = Parse(File.ReadAllBytes(Path.Combine(Repository.Samples, "config", "reporting.json")));
        var path = DropPath.Parse(Path.GetRelativePath(Path.Combine(Repository.Samples, "drops"), Path.Combine(Repository.Samples, relative)).Replace('\\', '/')).Drop!;
        var content = File.ReadAllBytes(Path.Combine(Repository.Samples, relative));

        foreach (var policy in (PersonalDataPolicy[])[PersonalDataPolicy.For(config), PersonalDataPolicy.Default])
        {
            using var stream = new MemoryStream(content);
            var result = DropValidator.Validate(path, stream, new ValidationSettings(config.Programme.Deadline, IngestionLimits.Default) { PersonalData = policy });

            Assert.True(result.Valid);
            Assert.DoesNotContain(result.Report.Warnings, w => w.Code == IssueCode.PersonalData);
        }
    }

    private static ReportingConfig Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    private static ReportingConfig Parse(byte[] json)
    {
        var result = ReportingConfig.Parse(json);
        return result.Config ?? throw new InvalidOperationException(string.Join(" ", result.Problems));
    }
}

using System.Text.Json;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Configuration;

/// <summary>docs/reporting.schema.json documents every setting the code reads: a new setting without its schema entry fails here.</summary>
public sealed class ReportingSchemaTests
{
    public static TheoryData<Type, string> Sections => new()
    {
        { typeof(ProgrammeSettings), "/properties/programme" },
        { typeof(DatasetSettings), "/properties/datasets/additionalProperties" },
        { typeof(ReportSettings), "/$defs/report" },
        { typeof(Person), "/$defs/person" },
        { typeof(Distribution), "/$defs/report/properties/distribution" },
        { typeof(PersonalDataSettings), "/properties/programme/properties/personalData" },
        { typeof(CalendarSettings), "/$defs/report/properties/calendar" },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_EverySettingOfTheRecord_IsDocumented(Type record, string location)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "reporting.schema.json")));
        var section = location.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(schema.RootElement, (e, name) => e.GetProperty(name));
        var documented = section.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var settings = record.GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));

        Assert.All(settings, s => Assert.Contains(s, documented));
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SendFunctions.Operations;

namespace SendFunctions.IntegrationTests;

/// <summary>Every alert rule in infra/modules/alerts.bicep matches events the host really logs (Log.cs), by event id, never by message text.</summary>
public sealed partial class AlertRulesTests
{
    private static readonly IReadOnlyList<string> Queries = QueriesIn(File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot(), "infra", "modules", "alerts.bicep")));

    [Fact]
    public void Alerts_EveryRule_MatchesOnlyEventIdsTheHostLogs()
    {
        var logged = typeof(SendFunctions.Hosting.FunctionHost).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Queries);
        Assert.Contains("3100", logged); // the reflection finds Log's methods
        foreach (var query in Queries)
        {
            var ids = EventIds().Matches(query).Select(m => m.Groups["id"].Value).ToList();
            Assert.True(ids.Count > 0, $"the alert query does not match by event id: {query}");
            Assert.All(ids, id => Assert.True(logged.Contains(id), $"the alert query matches event {id}, which the host never logs: {query}"));
        }
    }

    [Fact]
    public void Alerts_NoRule_MatchesMessageText() =>
        Assert.All(Queries, query => Assert.DoesNotMatch(@"\bmessage\b", query));

    [Fact]
    public void Alerts_EveryOutcomeMatched_IsARunOutcome() =>
        Assert.All(Queries.SelectMany(q => Outcomes().Matches(q)), m => Assert.True(Enum.TryParse<RunOutcome>(m.Groups["outcome"].Value, out _), m.Value));

    private static List<string> QueriesIn(string bicep) => [.. QueryLines().Matches(bicep).Select(m => m.Groups["query"].Value)];

    [GeneratedRegex(@"^\s*query:\s*'(?<query>.*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex QueryLines();

    [GeneratedRegex(@"customDimensions\.EventId\)\s*==\s*""(?<id>\d+)""")]
    private static partial Regex EventIds();

    [GeneratedRegex(@"customDimensions\.Outcome\)\s*==\s*""(?<outcome>\w+)""")]
    private static partial Regex Outcomes();
}

using SendFunctions.Core.Configuration.Checks;

namespace SendFunctions.Core.Configuration;

/// <summary>
/// Every check on <c>reporting.json</c>, shared by the host (at start, on each upload, on each load) and
/// <c>sendfx config check</c>, so both find the same problems in the same words.
/// </summary>
public static class ConfigCheck
{
    internal static readonly IReadOnlyList<IConfigRule> Rules =
    [
        new SectionsRule(),
        new RequiredTextRule(),
        new AddressRule(),
        new TextPlaceholderRule(),
        new MeetingDateRule(),
        new ContactPlaceholderRule(),
        new CalendarRule(),
    ];

    public static IReadOnlyList<ConfigFinding> Run(ReportingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Rules.SelectMany(rule => rule.Check(config)).ToList();
    }
}

using System.Text.Json;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Configuration;

/// <summary>
/// <c>config/reporting.json</c>: everything about the programme that is wording or people, never code:
/// the WSoA deadline, dataset owners and due days, report wording and distribution lists.
/// </summary>
public sealed record ReportingConfig(
    ProgrammeSettings Programme,
    IReadOnlyDictionary<string, DatasetSettings> Datasets,
    IReadOnlyDictionary<string, ReportSettings>? Reports = null)
{
    /// <summary>The wording and distribution of one report kind, or null when the programme does not produce it.</summary>
    public ReportSettings? ReportFor(string kind) =>
        Reports?.FirstOrDefault(r => string.Equals(r.Key, kind, StringComparison.OrdinalIgnoreCase)).Value;

    public DatasetSettings? DatasetFor(Dataset dataset) =>
        Datasets.FirstOrDefault(d => string.Equals(d.Key, dataset.ToSlug(), StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// Parses and checks the file (<see cref="ConfigCheck"/>); problems are listed, not thrown, so ops see them all at once.
    /// Any error means the configuration is not used.
    /// </summary>
    public static ConfigResult Parse(ReadOnlySpan<byte> utf8)
    {
        ReportingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ReportingConfig>(utf8, Json.Options);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;
            var line = ex.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
            return ConfigResult.From(null, [ConfigFinding.Error(path, $"cannot be read{line}: the file is not valid JSON, or the value is not of the kind expected there.", "Dates are written yyyy-MM-dd and must exist; numbers without quotes; check commas and brackets (docs/reporting.schema.json).")]);
        }

        if (config is null)
        {
            return ConfigResult.From(null, [ConfigFinding.Error("$", "is empty.", "Start from samples/config/reporting.json.")]);
        }

        var findings = ConfigCheck.Run(config);
        return ConfigResult.From(findings.Any(f => f.Severity == ConfigSeverity.Error) ? null : config, findings);
    }
}

/// <param name="Problems">Errors: the configuration cannot be used.</param>
/// <param name="Warnings">Things to check that do not stop it being used, such as contact details that look like placeholders.</param>
/// <param name="Findings">Every problem and warning with its path and fix; empty when the result was made from strings alone.</param>
public sealed record ConfigResult(ReportingConfig? Config, IReadOnlyList<string> Problems, IReadOnlyList<string>? Warnings = null, IReadOnlyList<ConfigFinding>? Findings = null)
{
    public static ConfigResult From(ReportingConfig? config, IReadOnlyList<ConfigFinding> findings) =>
        new(
            config,
            findings.Where(f => f.Severity == ConfigSeverity.Error).Select(f => f.Text).ToList(),
            findings.Where(f => f.Severity == ConfigSeverity.Warning).Select(f => f.Text).ToList(),
            findings);
}

/// <param name="Deadline">The date by which the Written Statement of Action must be delivered.</param>
/// <param name="MetricTolerancePercent">How far short of target (per cent of the target) a metric may be and still be Amber.</param>
/// <param name="ReminderWorkingDays">How many working days before a drop's due day its owner starts to be reminded.</param>
/// <param name="ExtraBankHolidays">One-off bank holidays beyond the regular ones.</param>
/// <param name="MissingReturns">What a paper shows where a month's metrics return or action log is missing or rejected.</param>
/// <param name="Glossary">Abbreviations the data uses and what they stand for, added to (or replacing) the built-in ones in a paper's glossary.</param>
/// <param name="ReplyTo">Where replies to the system's emails go (the programme team's mailbox); unset: the lead.</param>
/// <param name="StaffEmailDomains">Email domains (and their subdomains) that free text may name; null for the default (docs/privacy.md).</param>
/// <param name="PersonalData">What each personal-data detector does with a finding; null for all errors.</param>
/// <param name="EndDate">The day the programme ends: no paper is scheduled for a meeting after it except one final one per report kind; null: no end.</param>
public sealed record ProgrammeSettings(
    string Name,
    string LocalArea,
    DateOnly Deadline,
    Person Lead,
    decimal MetricTolerancePercent = 10,
    int ReminderWorkingDays = 3,
    IReadOnlyList<DateOnly>? ExtraBankHolidays = null,
    MissingReturnDisplay MissingReturns = MissingReturnDisplay.Nothing,
    IReadOnlyDictionary<string, string>? Glossary = null,
    string? ReplyTo = null,
    IReadOnlyList<string>? StaffEmailDomains = null,
    PersonalDataSettings? PersonalData = null,
    DateOnly? EndDate = null)
{
    /// <summary>The address replies go to: <see cref="ReplyTo"/>, else the lead's.</summary>
    public string? ReplyToAddress => string.IsNullOrWhiteSpace(ReplyTo) ? Lead?.Email : ReplyTo.Trim();

    /// <summary>An open risk scoring at or above this (likelihood times impact, 1 to 25) is high: the exceptions report lists it.</summary>
    public int HighRiskScore { get; init; } = DefaultHighRiskScore;

    public const int DefaultHighRiskScore = 15;
}

/// <param name="DueWorkingDay">The working day of the month after the period by which the drop is due (5 = fifth working day).</param>
public sealed record DatasetSettings(Person Owner, int DueWorkingDay = 5);

public sealed record Person(string Name, string Email, string? Role = null, string? Phone = null);

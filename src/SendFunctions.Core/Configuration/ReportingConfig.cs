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

    /// <summary>Parses and checks the file; problems are listed, not thrown, so ops see them all at once.</summary>
    public static ConfigResult Parse(ReadOnlySpan<byte> utf8)
    {
        ReportingConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ReportingConfig>(utf8, Json.Options);
        }
        catch (JsonException ex)
        {
            return new ConfigResult(null, [$"reporting.json is not valid JSON: {ex.Message}"]);
        }

        if (config is null)
        {
            return new ConfigResult(null, ["reporting.json is empty."]);
        }

        var problems = new List<string>();
        if (config.Programme is null)
        {
            problems.Add("reporting.json has no 'programme' section.");
        }
        else if (string.IsNullOrWhiteSpace(config.Programme.Name))
        {
            problems.Add("programme.name is required.");
        }

        foreach (var domain in config.Programme?.StaffEmailDomains ?? [])
        {
            if (!Privacy.PersonalDataPolicy.IsDomainName(domain))
            {
                problems.Add($"programme.staffEmailDomains: '{domain}' is not a domain such as wirral.gov.uk.");
            }
        }

        foreach (var (name, settings) in config.Datasets ?? new Dictionary<string, DatasetSettings>())
        {
            if (!DatasetNames.TryParse(name, out _))
            {
                problems.Add($"datasets.{name}: not a dataset (milestones, metrics, actions).");
            }
            else if (settings.Owner is null || string.IsNullOrWhiteSpace(settings.Owner.Email))
            {
                problems.Add($"datasets.{name}.owner.email is required.");
            }
        }

        foreach (var (kind, report) in config.Reports ?? new Dictionary<string, ReportSettings>())
        {
            if (!SendFunctions.Core.Reports.ReportKinds.TryParse(kind, out _))
            {
                problems.Add($"reports.{kind}: not a report kind ({string.Join(", ", SendFunctions.Core.Reports.ReportKinds.All.Select(k => SendFunctions.Core.Reports.ReportKinds.ToSlug(k)))}).");
            }
            else if (string.IsNullOrWhiteSpace(report.Board) || string.IsNullOrWhiteSpace(report.Title))
            {
                problems.Add($"reports.{kind}: board and title are required.");
            }
            else if (report.Distribution is null || report.Distribution.To.Count == 0)
            {
                problems.Add($"reports.{kind}.distribution.to needs at least one address.");
            }

            if (report.ExemptParagraph is < 1 or > 7)
            {
                problems.Add($"reports.{kind}.exemptParagraph must be a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 (1 to 7).");
            }

            if (report.CommentaryMaxCharacters < 100)
            {
                problems.Add($"reports.{kind}.commentaryMaxCharacters must be at least 100.");
            }
        }

        problems.AddRange(Calendar.ReportCalendar.Resolve(config).Problems);
        return new ConfigResult(problems.Count == 0 ? config : null, problems, problems.Count == 0 ? Placeholders.Find(config) : []);
    }
}

/// <param name="Problems">Errors: the configuration cannot be used.</param>
/// <param name="Warnings">Things to check that do not stop it being used, such as contact details that look like placeholders.</param>
public sealed record ConfigResult(ReportingConfig? Config, IReadOnlyList<string> Problems, IReadOnlyList<string>? Warnings = null);

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
}

/// <param name="DueWorkingDay">The working day of the month after the period by which the drop is due (5 = fifth working day).</param>
public sealed record DatasetSettings(Person Owner, int DueWorkingDay = 5);

public sealed record Person(string Name, string Email, string? Role = null, string? Phone = null);

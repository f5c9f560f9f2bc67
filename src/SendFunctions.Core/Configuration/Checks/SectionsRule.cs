using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>The file's sections and their closed sets: a programme, known datasets and report kinds, settings in range.</summary>
internal sealed class SectionsRule : IConfigRule
{
    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        if (config.Programme is null)
        {
            yield return ConfigFinding.Error("programme", "is missing.", "Add a \"programme\" section with name, localArea, deadline and lead (docs/reporting.schema.json).");
        }

        foreach (var domain in config.Programme?.StaffEmailDomains ?? [])
        {
            if (!PersonalDataPolicy.IsDomainName(domain))
            {
                yield return ConfigFinding.Error("programme.staffEmailDomains", "holds an entry that is not a domain.", "Write domains only, such as wirral.gov.uk.");
            }
        }

        foreach (var (name, settings) in config.Datasets ?? new Dictionary<string, DatasetSettings>())
        {
            if (!DatasetNames.TryParse(name, out _))
            {
                yield return ConfigFinding.Error($"datasets.{name}", "is not a dataset.", $"Use one of {string.Join(", ", Enum.GetValues<Dataset>().Select(d => d.ToSlug()))}.");
            }
            else if (settings is null)
            {
                yield return ConfigFinding.Error($"datasets.{name}", "is empty.", "Give the dataset's owner (name and email).");
            }
        }

        foreach (var (kind, report) in config.Reports ?? new Dictionary<string, ReportSettings>())
        {
            if (!ReportKinds.TryParse(kind, out _))
            {
                yield return ConfigFinding.Error($"reports.{kind}", "is not a report kind.", $"Use one of {string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}.");
                continue;
            }

            if (report is null)
            {
                yield return ConfigFinding.Error($"reports.{kind}", "is empty.", "Give the report's board, title and distribution.");
                continue;
            }

            if (report.ExemptParagraph is < 1 or > 7)
            {
                yield return ConfigFinding.Error($"reports.{kind}.exemptParagraph", "must be a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 (1 to 7).", "Give the paragraph number, 1 to 7.");
            }

            if (report.CommentaryMaxCharacters < 100)
            {
                yield return ConfigFinding.Error($"reports.{kind}.commentaryMaxCharacters", "must be at least 100.", "Give 100 or more (default 600).");
            }
        }
    }
}

using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>The sections of the file that the rules walk, each with its path; null sections are skipped (<see cref="SectionsRule"/> reports them).</summary>
internal static class ConfigPaths
{
    public static IEnumerable<(string Path, DatasetSettings Settings)> Datasets(ReportingConfig config) =>
        (config.Datasets ?? new Dictionary<string, DatasetSettings>())
            .Where(d => d.Value is not null && DatasetNames.TryParse(d.Key, out _))
            .Select(d => ($"datasets.{d.Key}", d.Value));

    public static IEnumerable<(string Path, ReportSettings Settings)> Reports(ReportingConfig config) =>
        (config.Reports ?? new Dictionary<string, ReportSettings>())
            .Where(r => r.Value is not null && ReportKinds.TryParse(r.Key, out _))
            .Select(r => ($"reports.{r.Key}", r.Value));

    /// <summary>Every email address the file gives, with its path: lead, reply-to, owners, distribution lists, authors.</summary>
    public static IEnumerable<(string Path, string? Address)> Addresses(ReportingConfig config)
    {
        if (config.Programme is { } programme)
        {
            if (programme.Lead is { } lead)
            {
                yield return ("programme.lead.email", lead.Email);
            }

            if (programme.ReplyTo is not null)
            {
                yield return ("programme.replyTo", programme.ReplyTo);
            }
        }

        foreach (var (path, dataset) in Datasets(config))
        {
            if (dataset.Owner is { } owner)
            {
                yield return ($"{path}.owner.email", owner.Email);
            }
        }

        foreach (var (path, report) in Reports(config))
        {
            foreach (var (list, addresses) in new[] { ("to", report.Distribution?.To), ("cc", report.Distribution?.Cc), ("bcc", report.Distribution?.Bcc) })
            {
                for (var i = 0; i < (addresses?.Count ?? 0); i++)
                {
                    yield return ($"{path}.distribution.{list}[{i}]", addresses![i]);
                }
            }

            if (report.Author is { } author)
            {
                yield return ($"{path}.author.email", author.Email);
            }
        }
    }

    /// <summary>Every person the file names, with its path (for names that look like placeholders).</summary>
    public static IEnumerable<(string Path, Person Person)> People(ReportingConfig config)
    {
        if (config.Programme?.Lead is { } lead)
        {
            yield return ("programme.lead", lead);
        }

        foreach (var (path, dataset) in Datasets(config))
        {
            if (dataset.Owner is { } owner)
            {
                yield return ($"{path}.owner", owner);
            }
        }
    }
}

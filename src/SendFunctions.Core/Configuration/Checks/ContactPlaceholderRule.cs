namespace SendFunctions.Core.Configuration.Checks;

/// <summary>
/// Warnings, not errors: contact details that look like placeholders (an address at a reserved example domain, "TBC",
/// "xxx", a telephone number of zeros). The system works with them, but a paper must not be published with them.
/// </summary>
internal sealed class ContactPlaceholderRule : IConfigRule
{
    private const string Fix = "Put in the real contact details before papers are published.";

    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        // A report's author is printed in the paper: the renderer's own sentences, which a preview also shows.
        foreach (var (path, report) in ConfigPaths.Reports(config))
        {
            foreach (var sentence in Placeholders.InReport(path["reports.".Length..], report))
            {
                yield return new ConfigFinding(ConfigSeverity.Warning, sentence[..sentence.IndexOf(' ', StringComparison.Ordinal)], sentence, Fix);
            }
        }

        foreach (var (path, address) in ConfigPaths.Addresses(config))
        {
            if (!path.EndsWith(".author.email", StringComparison.Ordinal) && Placeholders.IsPlaceholderAddress(address))
            {
                yield return ConfigFinding.Warning(path, "looks like a placeholder (a reserved example domain, or TBC or xxx before the @).", Fix);
            }
        }

        foreach (var (path, person) in ConfigPaths.People(config))
        {
            if (!string.IsNullOrWhiteSpace(person.Name) && Placeholders.IsPlaceholderName(person.Name))
            {
                yield return ConfigFinding.Warning($"{path}.name", "looks like a placeholder (TBC, xxx or similar), not a name.", Fix);
            }
        }
    }
}

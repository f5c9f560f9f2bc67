namespace SendFunctions.Core.Configuration;

/// <summary>
/// Contact details that look like placeholders rather than real ones: an address at a reserved example domain,
/// a telephone number of zeros, or a person named after their role. A paper must not be published with them.
/// </summary>
public static class Placeholders
{
    private static readonly string[] ExampleDomains = ["example.com", "example.org", "example.net", "example.gov.uk", "example.co.uk", "example"];
    private static readonly string[] PlaceholderWords = ["tbc", "tbd", "todo", "placeholder", "name", "n/a", "xxx"];

    /// <summary>One sentence per placeholder found, naming the setting (never anything else from the file).</summary>
    public static IReadOnlyList<string> Find(ReportingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config.Reports ?? new Dictionary<string, ReportSettings>()).SelectMany(r => InReport(r.Key, r.Value)).ToList();
    }

    /// <summary>The placeholders in one report kind's settings (its author's contact details).</summary>
    public static IReadOnlyList<string> InReport(string kind, ReportSettings report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var warnings = new List<string>();
        if (report.Author is { } author)
        {
            Check($"reports.{kind}.author", author, warnings);
        }

        return warnings;
    }

    /// <summary>An address at a reserved example domain, or whose part before the @ is a placeholder word ("tbc@...").</summary>
    public static bool IsPlaceholderAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Split('@') is not [var local, var domain])
        {
            return false;
        }

        domain = domain.Trim().ToLowerInvariant();
        return ExampleDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal)) || IsPlaceholderName(local);
    }

    /// <summary>"TBC", "xxx", "name", "n/a" and the like: not a person's name.</summary>
    public static bool IsPlaceholderName(string? name) =>
        string.IsNullOrWhiteSpace(name) || PlaceholderWords.Contains(name.Trim().ToLowerInvariant());

    private static void Check(string setting, Person person, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(person.Name) || PlaceholderWords.Contains(person.Name.Trim().ToLowerInvariant())
            || (person.Role is { } role && string.Equals(role.Trim(), person.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add($"{setting}.name is not a person's name (it is empty, a placeholder or the same as the role): the paper should name its author.");
        }

        var domain = person.Email.Split('@').LastOrDefault()?.Trim().ToLowerInvariant() ?? string.Empty;
        if (ExampleDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal)))
        {
            warnings.Add($"{setting}.email is at a reserved example domain ({domain}), so it looks like a placeholder.");
        }

        if (person.Phone is { } phone && IsPlaceholderPhone(phone))
        {
            warnings.Add($"{setting}.phone looks like a placeholder (its local number is all zeros or one repeated digit).");
        }
    }

    /// <summary>"0151 000 0000", "00000 000000", "0151 111 1111": the part after the area code is one repeated digit.</summary>
    private static bool IsPlaceholderPhone(string phone)
    {
        var groups = phone.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var local = string.Concat(groups.Length > 1 ? groups.Skip(1) : groups).Where(char.IsAsciiDigit).ToList();
        return local.Count == 0 || local.Distinct().Count() == 1;
    }
}

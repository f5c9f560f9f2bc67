using SendFunctions.Core.Configuration;

namespace SendFunctions.Core.Privacy;

/// <summary>What the personal-data guard reports, and which email domains are staff domains.</summary>
public sealed record PersonalDataPolicy
{
    /// <summary>Public-sector domains whose addresses are staff or organisational addresses, not a family's.</summary>
    public static readonly IReadOnlyList<string> PublicSectorDomains = ["gov.uk", "nhs.net", "nhs.uk", "sch.uk"];

    /// <summary>Every detector an error; staff domains the public-sector ones.</summary>
    public static readonly PersonalDataPolicy Default = new(new PersonalDataSettings(), PublicSectorDomains);

    public PersonalDataPolicy(PersonalDataSettings settings, IEnumerable<string> staffEmailDomains)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(staffEmailDomains);
        Settings = settings;
        StaffEmailDomains = staffEmailDomains.Select(Clean).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public PersonalDataSettings Settings { get; }

    /// <summary>Lower case, without a leading '@' or '.'.</summary>
    public IReadOnlyList<string> StaffEmailDomains { get; }

    /// <summary>
    /// From reporting.json: <c>programme.staffEmailDomains</c> when given (it replaces the default); otherwise the domains
    /// of every address the configuration already holds, plus <see cref="PublicSectorDomains"/>. No configuration: the default.
    /// </summary>
    public static PersonalDataPolicy For(ReportingConfig? config)
    {
        if (config?.Programme is not { } programme)
        {
            return Default;
        }

        var domains = programme.StaffEmailDomains ?? [.. PublicSectorDomains, .. AddressesIn(config).Select(DomainOf)];
        return new PersonalDataPolicy(programme.PersonalData ?? new PersonalDataSettings(), domains);
    }

    public DetectorSetting SettingFor(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.NhsNumber => Settings.NhsNumber,
        PersonalDataKind.DateOfBirth => Settings.DateOfBirth,
        PersonalDataKind.NameAndPostcode => Settings.NameAndPostcode,
        PersonalDataKind.Email => Settings.Email,
        PersonalDataKind.Mobile => Settings.Mobile,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public bool IsOn(PersonalDataKind kind) => SettingFor(kind) != DetectorSetting.Off;

    /// <summary>A staff domain or a subdomain of one: <c>wirral.gov.uk</c> is allowed by <c>gov.uk</c>; <c>notgov.uk</c> is not.</summary>
    public bool IsStaffDomain(string domain)
    {
        var clean = Clean(domain);
        return StaffEmailDomains.Any(d => clean == d || clean.EndsWith("." + d, StringComparison.Ordinal));
    }

    /// <summary>Letters, digits and hyphens in at least two dot-separated labels.</summary>
    public static bool IsDomainName(string? text)
    {
        var clean = Clean(text ?? string.Empty);
        var labels = clean.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    private static IEnumerable<string> AddressesIn(ReportingConfig config)
    {
        yield return config.Programme.Lead?.Email ?? string.Empty;
        foreach (var dataset in config.Datasets?.Values ?? [])
        {
            yield return dataset.Owner?.Email ?? string.Empty;
        }

        foreach (var report in config.Reports?.Values ?? [])
        {
            yield return report.Author?.Email ?? string.Empty;
            var list = report.Distribution;
            foreach (var address in (list?.To ?? []).Concat(list?.Cc ?? []).Concat(list?.Bcc ?? []))
            {
                yield return address;
            }
        }
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? string.Empty : address[(at + 1)..];
    }

    private static string Clean(string domain) => domain.Trim().TrimStart('@', '.').TrimEnd('.').ToLowerInvariant();
}

using System.Text;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Privacy;

/// <summary>
/// One-row drops of each dataset with a chosen text in a chosen column, as CSV or XLSX, and a sample of each kind of
/// personal data: <c>PrivacyDrops.Validate(Dataset.Metrics, "Metric", Samples[kind], FileFormat.Xlsx)</c>.
/// </summary>
internal static class PrivacyDrops
{
    /// <summary>Personal data of each kind, written as an owner might, each with the fragments that must never be echoed.</summary>
    public static readonly IReadOnlyDictionary<PersonalDataKind, (string Text, string[] Secrets)> Samples = new Dictionary<PersonalDataKind, (string, string[])>
    {
        [PersonalDataKind.NhsNumber] = ("Case 943 476 5919 reviewed at panel", ["943 476 5919", "9434765919"]),
        [PersonalDataKind.DateOfBirth] = ("Child (DOB 12/03/2015) placed at school", ["12/03/2015"]),
        [PersonalDataKind.NameAndPostcode] = ("Home visit to Jane Smith at CH41 5AB", ["Jane Smith", "CH41 5AB"]),
        [PersonalDataKind.Email] = ("Parent wrote from jane.parent@gmail.com", ["jane.parent@gmail.com", "jane.parent"]),
        [PersonalDataKind.Mobile] = ("Dad on 07700 900123 agreed", ["07700 900123", "07700900123"]),
    };

    /// <summary>A valid row of each dataset, column by column, in header order.</summary>
    public static readonly IReadOnlyDictionary<Dataset, (string Column, string Value)[]> ValidRows = new Dictionary<Dataset, (string, string)[]>
    {
        [Dataset.Milestones] =
        [
            ("MilestoneId", "WS1-01"), ("Workstream", "Leadership"), ("Milestone", "Deliver the thing"), ("Owner", "Head of SEND"),
            ("DueDate", "31/03/2025"), ("RevisedDueDate", ""), ("CompletedDate", ""), ("Status", "In progress"), ("AtRisk", "No"), ("Commentary", "On track."),
        ],
        [Dataset.Metrics] =
        [
            ("MetricId", "EHCP20"), ("Metric", "EHCPs within 20 weeks"), ("Area", "EHCP"), ("Unit", "%"), ("Polarity", "Higher is better"),
            ("Value", "37"), ("DataPeriod", "2025-01"), ("Target", "58"), ("Baseline", "22"),
        ],
        [Dataset.Actions] =
        [
            ("ActionId", "A-1"), ("Action", "Circulate the minutes"), ("Owner", "Board Secretary"), ("RaisedOn", "28/01/2025"),
            ("DueDate", "28/02/2025"), ("Status", "Open"), ("ClosedDate", ""),
        ],
    };

    /// <summary>Every free-text column of every dataset, as the schemas mark them.</summary>
    public static readonly (Dataset Dataset, string Column)[] FreeTextColumns =
    [
        (Dataset.Milestones, "Milestone"), (Dataset.Milestones, "Commentary"), (Dataset.Metrics, "Metric"), (Dataset.Actions, "Action"),
    ];

    public static byte[] Content(Dataset dataset, string column, string text, FileFormat format)
    {
        var row = ValidRows[dataset].Select(c => c.Column == column ? (c.Column, Value: text) : c).ToArray();
        if (format == FileFormat.Csv)
        {
            var lines = string.Join(",", row.Select(c => c.Column)) + "\r\n" + string.Join(",", row.Select(c => Quote(c.Value))) + "\r\n";
            return Encoding.UTF8.GetBytes(lines);
        }

        using var stream = new MemoryStream();
        WorkbookBuilder.Write(stream, dataset.ToSlug(), [[.. row.Select(c => (WorkbookValue)c.Column)], [.. row.Select(c => (WorkbookValue)c.Value)]]);
        return stream.ToArray();
    }

    public static DropValidation Validate(Dataset dataset, string column, string text, FileFormat format, PersonalDataSettings? settings = null)
    {
        var drop = new DropPath(Drops.January2025, dataset, format);
        using var stream = new MemoryStream(Content(dataset, column, text, format));
        var policy = new PersonalDataPolicy(settings ?? new PersonalDataSettings(), PersonalDataPolicy.PublicSectorDomains);
        return DropValidator.Validate(drop, stream, new ValidationSettings(Drops.Deadline, IngestionLimits.Default) { PersonalData = policy });
    }

    /// <summary>Settings with one detector set, the rest left as errors.</summary>
    public static PersonalDataSettings With(PersonalDataKind kind, DetectorSetting setting) => kind switch
    {
        PersonalDataKind.NhsNumber => new PersonalDataSettings(NhsNumber: setting),
        PersonalDataKind.DateOfBirth => new PersonalDataSettings(DateOfBirth: setting),
        PersonalDataKind.NameAndPostcode => new PersonalDataSettings(NameAndPostcode: setting),
        PersonalDataKind.Email => new PersonalDataSettings(Email: setting),
        PersonalDataKind.Mobile => new PersonalDataSettings(Mobile: setting),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Where a secret must not appear: every value and message of the report.</summary>
    public static IEnumerable<string> Texts(ValidationReport report) =>
        report.Errors.Concat(report.Warnings).SelectMany(i => new[] { i.Value ?? string.Empty, i.Message, i.Column ?? string.Empty });

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

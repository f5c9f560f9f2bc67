using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Support;

/// <summary>The sample months and configuration, validated and computed as the system would.</summary>
internal static class SampleStatus
{
    public static ReportingConfig Config { get; } =
        ReportingConfig.Parse(File.ReadAllBytes(Path.Combine(Repository.Samples, "config", "reporting.json"))).Config
        ?? throw new InvalidOperationException("samples/config/reporting.json is invalid.");

    /// <summary>
    /// Every sample month's milestones, metrics and action log, as the curated store would hold them, without the Board's
    /// own business (updates, decisions, risks, targets, metric commentary): the papers as they read before it existed.
    /// </summary>
    public static IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> Accepted { get; } = Load(business: false);

    /// <summary>Every sample month's accepted data, the Board's own business included.</summary>
    public static IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> AcceptedWithBusiness { get; } = Load(business: true);

    /// <summary>The sample configuration with the updates, decisions and risks expected (their owners named); targets are not expected monthly.</summary>
    public static ReportingConfig BusinessConfig { get; } = Config with
    {
        Datasets = new Dictionary<string, DatasetSettings>(Config.Datasets)
        {
            ["updates"] = new(new Person("Partnership Board Secretary", "send.board@example.gov.uk"), 3),
            ["decisions"] = new(new Person("Partnership Board Secretary", "send.board@example.gov.uk"), 3),
            ["risks"] = new(new Person("SEND Improvement Programme Office", "send.pmo@example.gov.uk")),
        },
    };

    /// <summary>The status of a sample month with the Board's business, the updates, decisions and risks expected as <see cref="BusinessConfig"/> says.</summary>
    public static PeriodStatus WithBusiness(string period, Func<AcceptedPeriod, AcceptedPeriod>? change = null)
    {
        var target = ReportingPeriod.Parse(period);
        var accepted = AcceptedWithBusiness.ToDictionary(p => p.Key, p => p.Key == target && change is not null ? change(p.Value) : p.Value);
        var month = accepted[target];
        var returns = month.ReturnsOrPresence with
        {
            Optional = PeriodReturns.OptionalOf(
                Enum.GetValues<Dataset>().Where(d => d.IsOptional()).Select(d => month.Has(d) ? DatasetReturn.Accepted(d) : DatasetReturn.Missing(d)),
                d => BusinessConfig.DatasetFor(d) is not null),
        };
        accepted[target] = month with { Returns = returns };
        return StatusEngine.Compute(AcceptedData.InputsFor(target, Config.Programme.Deadline, Config.Programme.MetricTolerancePercent, accepted)!);
    }

    public static PeriodStatus For(string period) => With(period, month => month);

    /// <summary>The status of a sample month after <paramref name="change"/> to what was accepted for it (a return taken away, dates given).</summary>
    public static PeriodStatus With(string period, Func<AcceptedPeriod, AcceptedPeriod> change, MissingReturnDisplay display = MissingReturnDisplay.Nothing)
    {
        var target = ReportingPeriod.Parse(period);
        var accepted = Accepted.ToDictionary(p => p.Key, p => p.Key == target ? change(p.Value) : p.Value);
        return StatusEngine.Compute(AcceptedData.InputsFor(target, Config.Programme.Deadline, Config.Programme.MetricTolerancePercent, accepted, display)!);
    }

    private static Dictionary<ReportingPeriod, AcceptedPeriod> Load(bool business)
    {
        var accepted = new Dictionary<ReportingPeriod, AcceptedPeriod>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Repository.Samples, "drops")))
        {
            var month = ReportingPeriod.Parse(Path.GetFileName(folder));
            var rows = new Dictionary<Dataset, DatasetRows>();
            foreach (var file in Directory.GetFiles(folder))
            {
                var drop = DropPath.Parse($"{month}/{Path.GetFileName(file)}").Drop!;
                using var stream = File.OpenRead(file);
                rows[drop.Dataset] = DropValidator.Validate(drop, stream, new ValidationSettings(Config.Programme.Deadline, IngestionLimits.Default)).Data!;
            }

            var metrics = ((DatasetRows<MetricReading>)rows[Dataset.Metrics]).Items;
            accepted[month] = business
                ? new AcceptedPeriod(rows.Values)
                : new AcceptedPeriod([rows[Dataset.Milestones], new DatasetRows<MetricReading>([.. metrics.Select(m => m with { Commentary = null })]), rows[Dataset.Actions]]);
        }

        return accepted;
    }
}

using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Support;

/// <summary>The sample months and configuration, validated and computed as the system would.</summary>
internal static class SampleStatus
{
    public static ReportingConfig Config { get; } =
        ReportingConfig.Parse(File.ReadAllBytes(Path.Combine(Repository.Samples, "config", "reporting.json"))).Config
        ?? throw new InvalidOperationException("samples/config/reporting.json is invalid.");

    /// <summary>Every sample month's accepted data, as the curated store would hold it.</summary>
    public static IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> Accepted { get; } = Load();

    public static PeriodStatus For(string period) => With(period, month => month);

    /// <summary>The status of a sample month after <paramref name="change"/> to what was accepted for it (a return taken away, dates given).</summary>
    public static PeriodStatus With(string period, Func<AcceptedPeriod, AcceptedPeriod> change, MissingReturnDisplay display = MissingReturnDisplay.Nothing)
    {
        var target = ReportingPeriod.Parse(period);
        var accepted = Accepted.ToDictionary(p => p.Key, p => p.Key == target ? change(p.Value) : p.Value);
        return StatusEngine.Compute(AcceptedData.InputsFor(target, Config.Programme.Deadline, Config.Programme.MetricTolerancePercent, accepted, display)!);
    }

    private static Dictionary<ReportingPeriod, AcceptedPeriod> Load()
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

            accepted[month] = new AcceptedPeriod(
                ((MilestoneRows)rows[Dataset.Milestones]).Items, ((MetricRows)rows[Dataset.Metrics]).Items, ((ActionRows)rows[Dataset.Actions]).Items);
        }

        return accepted;
    }
}

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

    public static PeriodStatus For(string period)
    {
        var target = ReportingPeriod.Parse(period);
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

        return StatusEngine.Compute(AcceptedData.InputsFor(target, Config.Programme.Deadline, Config.Programme.MetricTolerancePercent, accepted)!);
    }
}

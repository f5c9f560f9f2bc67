using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Templates;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Templates;

/// <summary>January 2025's sample drops as the system accepted them, and February's templates made from them.</summary>
internal static class SampleReturns
{
    public static readonly ReportingPeriod January = ReportingPeriod.Of(2025, 1);

    public static readonly ReportingPeriod February = ReportingPeriod.Of(2025, 2);

    public static TheoryData<Dataset> All => [.. Enum.GetValues<Dataset>()];

    /// <summary>The sample drop of a month, validated as the host would: its accepted rows.</summary>
    public static DatasetRows Accepted(ReportingPeriod period, Dataset dataset)
    {
        var file = Directory.GetFiles(Path.Combine(Repository.Samples, "drops", period.ToString()), dataset.ToSlug() + ".*").Single();
        var drop = DropPath.Parse($"{period}/{Path.GetFileName(file)}").Drop!;
        var result = Drops.Validate(drop, File.ReadAllBytes(file));
        Assert.True(result.Valid, $"{file} is not accepted.");
        return result.Data!;
    }

    public static byte[] Template(Dataset dataset, DatasetRows? previous, DateOnly? due = null)
    {
        using var stream = new MemoryStream();
        ReturnTemplate.Write(stream, new TemplateRequest(dataset, February, previous) { Due = due });
        return stream.ToArray();
    }

    /// <summary>What an owner types into the blank columns, as the Instructions sheet asks.</summary>
    public static IReadOnlyDictionary<string, object> OwnerEntries(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => new Dictionary<string, object> { ["Status"] = "In progress", ["AtRisk"] = "No", ["Commentary"] = "Work continues as planned; the next review is in March." },
        Dataset.Metrics => new Dictionary<string, object> { ["Value"] = 40.0, ["Commentary"] = "A steady month." },
        Dataset.Actions => new Dictionary<string, object> { ["Status"] = "Open" },
        Dataset.Updates => new Dictionary<string, object> { ["ProgressSinceLastMeeting"] = "The group met twice and agreed its plan.", ["NextSteps"] = "Publish the plan." },
        Dataset.Decisions => new Dictionary<string, object> { ["Status"] = "Open" },
        Dataset.Risks => new Dictionary<string, object> { ["Likelihood"] = 3.0, ["Impact"] = 4.0, ["Status"] = "Open" },
        Dataset.Targets => new Dictionary<string, object>(),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    public static DropValidation Validate(Dataset dataset, byte[] workbook) =>
        Drops.Validate(new DropPath(February, dataset, FileFormat.Xlsx), workbook);

    /// <summary>Each row's identity as the schema sees it, in order.</summary>
    public static IReadOnlyList<string> Ids(DatasetRows rows) => rows switch
    {
        DatasetRows<Milestone> m => m.Items.Select(i => i.Id).ToList(),
        DatasetRows<MetricReading> m => m.Items.Select(i => i.Id).ToList(),
        DatasetRows<ActionItem> a => a.Items.Select(i => i.Id).ToList(),
        DatasetRows<SubgroupUpdate> u => u.Items.Select(i => i.Workstream).ToList(),
        DatasetRows<BoardDecision> d => d.Items.Select(i => i.Id).ToList(),
        DatasetRows<RiskEntry> r => r.Items.Select(i => i.Id).ToList(),
        DatasetRows<MetricTarget> t => t.Items.Select(i => $"{i.MetricId} {i.Period}").ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(rows)),
    };
}

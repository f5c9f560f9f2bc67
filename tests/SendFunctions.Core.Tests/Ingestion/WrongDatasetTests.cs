using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>A return uploaded under another dataset's name is recognised from its header row, and the message names where it belongs.</summary>
public sealed class WrongDatasetTests
{
    /// <summary>Every sample return (CSV and XLSX) uploaded under every other dataset's name.</summary>
    public static TheoryData<string, Dataset> SamplesUnderOtherNames()
    {
        var data = new TheoryData<string, Dataset>();
        foreach (var file in SampleFiles().Order(StringComparer.Ordinal))
        {
            var actual = DropPath.Parse(Relative(file)).Drop!.Dataset;
            foreach (var declared in Enum.GetValues<Dataset>().Where(d => d != actual))
            {
                data.Add(Relative(file), declared);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesUnderOtherNames))]
    public void Validate_SampleUnderAnotherDatasetsName_OneErrorSayingWhichReturnItIsAndWhereItGoes(string sample, Dataset declared)
    {
        var actual = DropPath.Parse(sample).Drop!;
        var uploadedAs = actual with { Dataset = declared };

        var report = Drops.Validate(uploadedAs, File.ReadAllBytes(Path.Combine(Repository.Samples, "drops", sample))).Report;

        var error = Assert.Single(report.Errors);
        Assert.Equal(IssueCode.WrongDataset, error.Code);
        Assert.Equal(actual.Dataset, report.LooksLike);
        Assert.Contains($"looks like a {actual.Dataset.ToSlug()} return, not a {declared.ToSlug()} return", error.Message, StringComparison.Ordinal);
        Assert.Contains($"upload it as drops/{actual.Name}.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"drops/{uploadedAs.Name} instead", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Metric Ref,Indicator,Workstream,Unit,Direction,Actual,Latest Data Update,Target,Baseline", Dataset.Metrics)]
    [InlineData("MetricId,Metric,Area,Unit,Polarty,Value", Dataset.Metrics)] // a typo in one header
    [InlineData("MetricId,Metric,Area,Unit,Value", Dataset.Metrics)] // Polarity missing: still a metrics return
    [InlineData("Ref,Description,Lead,Meeting,Due,Status,Closed", Dataset.Actions)]
    [InlineData("Metric ID,Month,Trajectory", Dataset.Targets)]
    public void LooksLike_HeaderWithVariantsUploadedAsMilestones_IsTheOtherDataset(string header, Dataset expected) =>
        Assert.Equal(expected, DatasetRecognition.LooksLike(Dataset.Milestones, header.Split(',')));

    [Theory]
    [InlineData(Dataset.Milestones, Drops.MilestoneHeader)]
    [InlineData(Dataset.Metrics, Drops.MetricHeader)]
    [InlineData(Dataset.Actions, Drops.ActionHeader)]
    public void LooksLike_OwnHeader_IsNull(Dataset dataset, string header) =>
        Assert.Null(DatasetRecognition.LooksLike(dataset, header.Split(',')));

    [Theory]
    [InlineData("MilestoneId,Workstream,Milestone,Ownr,DueDate")] // its own return with a typo: the did-you-mean error, not another dataset
    [InlineData("a,b,c")]
    [InlineData("MetricId,Value")] // too little of any return to say
    public void Validate_HeaderOfNoOtherReturn_MissingColumnErrorsStand(string header)
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, header, "1,2,3,4,5").Report;

        Assert.Null(report.LooksLike);
        Assert.DoesNotContain(report.Errors, e => e.Code == IssueCode.WrongDataset);
        Assert.Contains(report.Errors, e => e.Code == IssueCode.MissingColumn);
    }

    [Fact]
    public void Validate_MetricsUploadedAsMilestones_MessageNamesBothPathsAndNoValue()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MetricHeader, Drops.Metric()).Report;

        var error = Assert.Single(report.Errors);
        Assert.Equal(1, error.Row);
        Assert.Equal(
            "This looks like a metrics return, not a milestones return: its header row has the metrics columns (MetricId, Metric, Area, Unit, Polarity, Value), "
            + "not the milestones ones (MilestoneId, Workstream, Milestone, Owner, DueDate). If it is the metrics return, upload it as drops/2025-01/metrics.csv. "
            + "If you meant to send the milestones return, upload that file as drops/2025-01/milestones.csv instead.",
            error.Message);
        Assert.Equal(1, report.Rows);
        Assert.Empty(report.Warnings);
    }

    private static IEnumerable<string> SampleFiles() =>
        Directory.GetDirectories(Path.Combine(Repository.Samples, "drops")).SelectMany(Directory.GetFiles);

    private static string Relative(string file) => Path.GetRelativePath(Path.Combine(Repository.Samples, "drops"), file).Replace('\\', '/');
}

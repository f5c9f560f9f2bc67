using System.Text.Json;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>
/// The curated JSON is what storage holds: <c>Curated/2025-01-*.json</c> are the sample January drops as curated before a
/// drop's rows became one <see cref="DatasetRows"/> (written by that code, with a fixed source), and must read and write
/// byte for byte.
/// </summary>
public sealed class CuratedDropTests
{
    private static readonly DateTimeOffset UploadedAt = new(2025, 2, 3, 9, 15, 0, 123, TimeSpan.Zero);

    public static TheoryData<Dataset> All => [.. Enum.GetValues<Dataset>()];

    [Theory]
    [MemberData(nameof(All))]
    public void ToJson_SampleDropValidated_IsTheStoredDocumentByteForByte(Dataset dataset)
    {
        var drop = Curated(dataset, SampleFile(ReportingPeriod.Of(2025, 1), dataset));

        Assert.Equal(Stored(dataset), drop.ToJson());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void FromJson_StoredBeforeTheUnion_ReadsAndWritesBackTheSameBytes(Dataset dataset)
    {
        var stored = Stored(dataset);

        var drop = CuratedDrop.FromJson(stored);

        Assert.Equal(dataset, drop.Dataset);
        Assert.Equal(dataset, drop.Data.Dataset);
        Assert.Equal(ReportingPeriod.Of(2025, 1), drop.Period);
        Assert.Equal(UploadedAt, drop.Source.UploadedAt);
        Assert.True(drop.Rows > 0);
        Assert.Equal(stored, drop.ToJson());
    }

    [Fact]
    public void FromJson_RowsUnderAnotherDatasetsName_IsNotACuratedDrop()
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Stored(Dataset.Milestones))!;
        json["dataset"] = JsonSerializer.SerializeToElement("metrics");

        Assert.Throws<JsonException>(() => CuratedDrop.FromJson(JsonSerializer.SerializeToUtf8Bytes(json)));
    }

    [Fact]
    public void From_RowsOfAnotherDataset_Throws()
    {
        var drop = new DropPath(ReportingPeriod.Of(2025, 1), Dataset.Metrics, FileFormat.Csv);
        var source = new DropSource("2025-01/metrics.csv", "archive/x", "0x1", UploadedAt);

        Assert.Throws<ArgumentException>(() => CuratedDrop.From(drop, source, new DatasetRows<Milestone>([])));
    }

    [Fact]
    public void DatasetRows_OfATypeNoDatasetHas_CannotBeMade()
    {
        Assert.Throws<ArgumentException>(() => new DatasetRows<string>(["not a row"]));
    }

    [Fact]
    public void AcceptedPeriod_TwoSetsOfOneDataset_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AcceptedPeriod([new DatasetRows<Milestone>([]), new DatasetRows<Milestone>([])]));
    }

    [Fact]
    public void InputsFor_CuratedDrops_ReturnsTheDropsThePeriodsStatusUses()
    {
        var drops = Directory.GetDirectories(Path.Combine(Repository.Samples, "drops"))
            .SelectMany(folder => Directory.GetFiles(folder).Select(file => (Period: ReportingPeriod.Parse(Path.GetFileName(folder)), File: file)))
            .Select(f => Curated(DropPath.Parse($"{f.Period}/{Path.GetFileName(f.File)}").Drop!.Dataset, f.File, f.Period))
            .ToList();

        var inputs = AcceptedData.InputsFor(ReportingPeriod.Of(2025, 1), SampleStatus.Config.Programme.Deadline, 10, drops, returns: null)!;

        Assert.Equal(
            [
                "2024-11/metrics", "2024-11/targets", "2024-12/metrics", "2024-12/milestones", "2024-12/risks",
                "2025-01/actions", "2025-01/decisions", "2025-01/metrics", "2025-01/milestones", "2025-01/risks", "2025-01/targets", "2025-01/updates",
            ],
            inputs.Used.Select(d => $"{d.Period}/{d.Dataset.ToSlug()}").Order(StringComparer.Ordinal));
        Assert.Equal(22, inputs.Inputs.Milestones.Count);
    }

    [Fact]
    public void InputsFor_PeriodWithoutAnActionLog_UsesTheEarlierOneAPaperMayShow()
    {
        var drops = Directory.GetDirectories(Path.Combine(Repository.Samples, "drops"))
            .SelectMany(folder => Directory.GetFiles(folder).Select(file => (Period: ReportingPeriod.Parse(Path.GetFileName(folder)), File: file)))
            .Select(f => Curated(DropPath.Parse($"{f.Period}/{Path.GetFileName(f.File)}").Drop!.Dataset, f.File, f.Period))
            .Where(d => !(d.Period == ReportingPeriod.Of(2025, 1) && d.Dataset == Dataset.Actions))
            .ToList();

        var inputs = AcceptedData.InputsFor(ReportingPeriod.Of(2025, 1), SampleStatus.Config.Programme.Deadline, 10, drops, returns: null, SendFunctions.Core.Configuration.MissingReturnDisplay.LastAccepted)!;

        Assert.Equal(["2024-12/actions"], inputs.Used.Where(d => d.Dataset == Dataset.Actions).Select(d => $"{d.Period}/{d.Dataset.ToSlug()}"));
        Assert.Equal(ReportingPeriod.Of(2024, 12), inputs.Inputs.EarlierActions?.Period);
    }

    private static byte[] Stored(Dataset dataset) =>
        File.ReadAllBytes(Path.Combine(Repository.Root, "tests", "SendFunctions.Core.Tests", "Ingestion", "Curated", $"2025-01-{dataset.ToSlug()}.json"));

    private static string SampleFile(ReportingPeriod period, Dataset dataset) =>
        Directory.GetFiles(Path.Combine(Repository.Samples, "drops", period.ToString()), $"{dataset.ToSlug()}.*").Single();

    private static CuratedDrop Curated(Dataset dataset, string file, ReportingPeriod? period = null)
    {
        var month = period ?? ReportingPeriod.Of(2025, 1);
        var drop = DropPath.Parse($"{month}/{Path.GetFileName(file)}").Drop!;
        Assert.Equal(dataset, drop.Dataset);
        using var stream = File.OpenRead(file);
        var data = DropValidator.Validate(drop, stream, new ValidationSettings(SampleStatus.Config.Programme.Deadline, IngestionLimits.Default)).Data!;
        var archive = $"{month}/{dataset.ToSlug()}/20250203T091500123Z-0x8DD4C1A2B3C4D5E.{drop.Format.ToExtension()}";
        return CuratedDrop.From(drop, new DropSource($"{month}/{Path.GetFileName(file)}", archive, "\"0x8DD4C1A2B3C4D5E\"", UploadedAt), data);
    }
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;
using SendFunctions.Core.Tests.Templates;

namespace SendFunctions.Core.Tests.Cli;

/// <summary>sendfx template on the sample drops, on a folder laid out like the curated container, and with no data.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("sendfx-template-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task Template_SampleDrops_CarriesJanuarysRowsAndFilledValidates()
    {
        var file = Path.Combine(root.FullName, "2025-02", "risks.xlsx");

        var (exit, output, error) = await Sendfx.RunAsync("template", "--dataset", "risks", "--period", "2025-02", "--data", Path.Combine(Repository.Samples, "drops"), "--out", file);

        Assert.True(exit == 0, error);
        Assert.Contains("2025-01's accepted rows carried forward", output, StringComparison.Ordinal);
        var filled = OwnerFill.Fill(File.ReadAllBytes(file), "risks", SampleReturns.OwnerEntries(Dataset.Risks));
        File.WriteAllBytes(file, filled);
        var (valid, report, _) = await Sendfx.RunAsync("validate", file);
        Assert.True(valid == 0, report);
        Assert.Equal(SampleReturns.Ids(SampleReturns.Accepted(SampleReturns.January, Dataset.Risks)), IdsIn(file, "risks"));
    }

    [Fact]
    public async Task Template_CuratedFolder_CarriesTheCuratedRows()
    {
        var january = SampleReturns.Accepted(SampleReturns.January, Dataset.Actions);
        var drop = new DropPath(SampleReturns.January, Dataset.Actions, FileFormat.Csv);
        var curated = CuratedDrop.From(drop, new DropSource("drops/2025-01/actions.csv", "archive/x", "0x1", DateTimeOffset.UnixEpoch), january);
        Directory.CreateDirectory(Path.Combine(root.FullName, "curated", "2025-01"));
        File.WriteAllBytes(Path.Combine(root.FullName, "curated", "2025-01", "actions.json"), curated.ToJson());
        var file = Path.Combine(root.FullName, "actions.xlsx");

        var (exit, _, error) = await Sendfx.RunAsync("template", "--dataset", "actions", "--period", "2025-02", "--data", Path.Combine(root.FullName, "curated"), "--out", file);

        Assert.True(exit == 0, error);
        Assert.Equal(SampleReturns.Ids(january), IdsIn(file, "actions"));
    }

    [Fact]
    public async Task Template_NoPreviousMonth_HeadersOnly()
    {
        var file = Path.Combine(root.FullName, "targets.xlsx");

        var (exit, output, error) = await Sendfx.RunAsync("template", "--dataset", "targets", "--period", "2024-11", "--data", Path.Combine(Repository.Samples, "drops"), "--out", file);

        Assert.True(exit == 0, error);
        Assert.Contains("no accepted return for 2024-10, so headers and instructions only", output, StringComparison.Ordinal);
        Assert.Empty(IdsIn(file, "targets"));
    }

    [Fact]
    public async Task Template_TargetsNotResentLastMonth_CarriesTheLatestTrajectory()
    {
        // December 2024 has no targets return: November's trajectory is still in force for January.
        var file = Path.Combine(root.FullName, "targets.xlsx");

        var (exit, output, error) = await Sendfx.RunAsync("template", "--dataset", "targets", "--period", "2025-01", "--data", Path.Combine(Repository.Samples, "drops"), "--out", file);

        Assert.True(exit == 0, error);
        Assert.Contains("2024-11's accepted rows carried forward", output, StringComparison.Ordinal);
        var november = (DatasetRows<SendFunctions.Core.Metrics.MetricTarget>)SampleReturns.Accepted(SendFunctions.Core.Periods.ReportingPeriod.Of(2024, 11), Dataset.Targets);
        Assert.Equal(november.Items.Select(t => t.MetricId), IdsIn(file, "targets"));
    }

    [Fact]
    public async Task Template_MilestonesMissingLastMonth_HeadersOnlyNotAnOlderMonth()
    {
        var drops = Path.Combine(root.FullName, "drops");
        Directory.CreateDirectory(Path.Combine(drops, "2024-12"));
        File.Copy(Path.Combine(Repository.Samples, "drops", "2024-12", "milestones.xlsx"), Path.Combine(drops, "2024-12", "milestones.xlsx"));
        var file = Path.Combine(root.FullName, "milestones.xlsx");

        var (exit, output, error) = await Sendfx.RunAsync("template", "--dataset", "milestones", "--period", "2025-02", "--data", drops, "--out", file);

        Assert.True(exit == 0, error);
        Assert.Contains("no accepted return for 2025-01", output, StringComparison.Ordinal);
        Assert.Empty(IdsIn(file, "milestones"));
    }

    [Theory]
    [InlineData("--dataset", "budget")]
    [InlineData("--period", "2025-13")]
    public async Task Template_BadOption_IsAUsageError(string option, string value)
    {
        string[] args = ["template", "--dataset", "milestones", "--period", "2025-02", "--out", Path.Combine(root.FullName, "x.xlsx")];
        args[Array.IndexOf(args, option) + 1] = value;

        var (exit, _, error) = await Sendfx.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    /// <summary>The first column of every row under the header.</summary>
    private static List<string> IdsIn(string file, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Skip(1);
        return rows.Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText).ToList();
    }
}

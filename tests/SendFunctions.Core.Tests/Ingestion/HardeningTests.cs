using System.Text;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Support.RawWorkbook;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>The values behind the hostile corpus's codes: what is read, and what the owner is told.</summary>
public sealed class HardeningTests
{
    private static readonly DropPath MilestonesXlsx = new(Drops.January2025, Dataset.Milestones, FileFormat.Xlsx);
    private static readonly DropPath MetricsCsv = new(Drops.January2025, Dataset.Metrics, FileFormat.Csv);

    [Theory]
    [InlineData("<workbookPr date1904=\"1\"/>", "<c r=\"E2\" s=\"1\"><v>44285</v></c>")]
    [InlineData("<workbookPr date1904=\"true\"/>", "<c r=\"E2\"><v>44285</v></c>")]
    [InlineData("", "<c r=\"E2\" t=\"d\"><v>2025-03-31T00:00:00</v></c>")]
    [InlineData("", "<c r=\"E2\" s=\"1\"><v>45747.99</v></c>")]
    public void Validate_DateCellInAnySystem_IsTheDayExcelShows(string properties, string dueCell)
    {
        var bytes = new RawWorkbook { WorkbookProperties = properties, Rows = MilestoneRows(dueCell) }.ToBytes();

        var result = Drops.Validate(MilestonesXlsx, bytes);

        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Equal(new DateOnly(2025, 3, 31), Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Due);
    }

    [Theory]
    [InlineData("\"1,234\"", 1234)]
    [InlineData("\"£1,100,000.50\"", 1100000.50)]
    [InlineData("-12.5", -12.5)]
    public void Validate_ThousandsSeparators_AreRead(string value, double expected)
    {
        var result = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(unit: "count", value: value));
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Equal((decimal)expected, Assert.Single(((DatasetRows<MetricReading>)result.Data!).Items).Value);
    }

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"0,37\"")]
    public void Validate_DecimalComma_IsAnErrorNamingTheFix(string value)
    {
        var error = Assert.Single(Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(unit: "count", value: value)).Report.Errors);
        Assert.Equal(IssueCode.DecimalComma, error.Code);
        Assert.Equal((2, "Value"), (error.Row!.Value, error.Column!));
        Assert.Contains(value.Trim('"').Replace(',', '.'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyErrors_KeepsTheLimitAndCountsTheRest()
    {
        var lines = Enumerable.Range(0, 3_000).Select(i => Drops.Metric(id: $"M{i}", unit: "count", value: "x")).Prepend(Drops.MetricHeader).ToArray();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        var report = DropValidator.Validate(MetricsCsv, stream, new ValidationSettings(null, IngestionLimits.Default with { MaxIssuesKept = 1_000 })).Report;

        Assert.Equal(1_001, report.Errors.Count);
        Assert.Equal(IssueCode.MoreIssues, report.Errors[^1].Code);
        Assert.StartsWith("... and 2,000 more errors of the same kinds (BadNumber)", report.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Utf8WithAFewWindows1252Bytes_IsReportedAsMixedWithTheRows()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Drops.MetricHeader + "\r\n" + Drops.Metric(id: "Café") + "\r\n"), .. windows1252.GetBytes(Drops.Metric(id: "SPEND £") + "\r\n")];

        var error = Assert.Single(Drops.Validate(MetricsCsv, bytes).Report.Errors);

        Assert.Equal(IssueCode.MixedEncoding, error.Code);
        Assert.Contains("row 3,", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvisibleCharactersInId_AreRemovedWithAWarning()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(id: "\uFEFFWS1-\u202E0\u200B1"));

        Assert.True(result.Valid);
        Assert.Equal("WS1-01", Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Id);
        Assert.Contains(result.Report.Warnings, w => w.Code == IssueCode.InvisibleCharacters && w.Column == "MilestoneId");
    }

    [Fact]
    public void Validate_LongDuplicateId_IsShortenedInTheMessage()
    {
        var id = new string('M', 100_000);
        var error = Assert.Single(Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(id: id), Drops.Metric(id: id)).Report.Errors);
        Assert.Equal(IssueCode.DuplicateId, error.Code);
        Assert.True(error.Message.Length < 300 && error.Value!.Length <= 83);
    }

    [Fact]
    public void Validate_SemicolonSeparated_SaysSo()
    {
        var error = Assert.Single(Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader.Replace(',', ';'), Drops.Metric().Replace(',', ';')).Report.Errors);
        Assert.Equal(IssueCode.WrongSeparator, error.Code);
        Assert.Contains("semicolons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CellBeyondColumnXfd_IsRefusedWithoutAllocatingTheRow()
    {
        var bytes = new RawWorkbook { Rows = TextRow(1, "MilestoneId") + "<row r=\"3\"><c r=\"ZZZZZZ3\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }.ToBytes();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = Drops.Validate(MilestonesXlsx, bytes).Report.Errors;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(errors, e => e.Code == IssueCode.ReadFailed);
        Assert.Contains("XFD", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }
}

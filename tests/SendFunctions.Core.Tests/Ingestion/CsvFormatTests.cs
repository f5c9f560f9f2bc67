using System.Text;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class CsvFormatTests
{
    private static readonly DropPath MetricsCsv = new(Drops.January2025, Dataset.Metrics, FileFormat.Csv);
    private static readonly DropPath MilestonesCsv = new(Drops.January2025, Dataset.Milestones, FileFormat.Csv);

    [Fact]
    public void Validate_Windows1252PoundSign_Survives()
    {
        var text = Drops.MetricHeader + "\r\nSPEND,Placement spend £,Provision,£,Lower,\"£1,100,000\",2025-01,\"£1,000,000\",\r\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        Assert.Contains((byte)0xA3, bytes);

        var result = Drops.Validate(MetricsCsv, bytes);

        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        var metric = Assert.Single(((DatasetRows<MetricReading>)result.Data!).Items);
        Assert.Equal("Placement spend £", metric.Name);
        Assert.Equal(1_100_000m, metric.Value);
        Assert.Equal(MetricUnit.Pounds, metric.Unit);
    }

    [Fact]
    public void Validate_Utf8WithBom_ReadsFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Drops.MetricHeader + "\n" + Drops.Metric() + "\n")).ToArray();
        Assert.True(Drops.Validate(MetricsCsv, bytes).Valid);
    }

    [Fact]
    public void Validate_QuotedNewlinesAndBlankRows_KeepExcelRowNumbers()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones,
            "",
            Drops.MilestoneHeader,
            Drops.Milestone(id: "WS1-01", commentary: "\"Line one\nline two, with a comma\""),
            "",
            ",,,,,,,,,",
            Drops.Milestone(id: "WS1-02", due: "31/02/2025"));

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(6, error.Row);
        Assert.Equal(IssueCode.BadDate, error.Code);
        Assert.Equal("DueDate", error.Column);
        Assert.Equal("31/02/2025", error.Value);
        Assert.Equal(2, result.Report.Rows);
    }

    [Fact]
    public void Validate_QuotedNewline_IsKeptInText()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: "\"Line one\nline two\""));
        Assert.Equal("Line one\nline two", Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Commentary);
    }

    [Fact]
    public void Validate_EmptyFile_IsRejectedWithAdvice()
    {
        var result = Drops.Validate(MilestonesCsv, []);
        Assert.Equal(IssueCode.EmptyFile, Assert.Single(result.Report.Errors).Code);
    }

    [Fact]
    public void Validate_HeaderOnly_IsRejected()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader);
        Assert.Equal(IssueCode.NoDataRows, Assert.Single(result.Report.Errors).Code);
        Assert.Null(result.Data);
    }

    [Fact]
    public void Validate_BinaryNamedCsv_IsRejectedAsNotText()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var error = Assert.Single(Drops.Validate(MilestonesCsv, bytes).Report.Errors);
        Assert.Equal(IssueCode.NotText, error.Code);
        Assert.Contains("Save As", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WorkbookNamedCsv_SaysRenameToXlsx()
    {
        var workbook = Drops.Workbook("Milestones", ["MilestoneId"]);
        var error = Assert.Single(Drops.Validate(MilestonesCsv, workbook).Report.Errors);
        Assert.Equal(IssueCode.NotText, error.Code);
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FormulaLookingText_IsStoredAsText()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: "\"=HYPERLINK(\"\"http://x\"\")\""));
        Assert.True(result.Valid);
        Assert.Equal("=HYPERLINK(\"http://x\")", Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Commentary);
    }

    [Fact]
    public void Validate_ControlCharacters_AreRemovedWithAWarning()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: "Bell\u0007 and\u0001 text"));
        Assert.True(result.Valid);
        Assert.Equal("Bell and text", Assert.Single(((DatasetRows<Milestone>)result.Data!).Items).Commentary);
        Assert.Contains(result.Report.Warnings, w => w.Code == IssueCode.ControlCharacters);
    }

    [Fact]
    public void Validate_TwentyMegabyteCsv_IsReadCompletely()
    {
        var builder = new StringBuilder(Drops.MetricHeader).Append("\r\n");
        var rows = 0;
        while (builder.Length < 20 * 1024 * 1024)
        {
            builder.Append(Drops.Metric(id: $"M{rows++}", value: (rows % 100).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append("\r\n");
        }

        var result = Drops.Validate(MetricsCsv, Encoding.UTF8.GetBytes(builder.ToString()));

        Assert.True(result.Valid);
        Assert.Equal(rows, result.Report.Rows);
    }

    [Fact]
    public void Validate_UnknownColumn_IsWarnedAndIgnored()
    {
        var result = Drops.ValidateCsv(Dataset.Actions, Drops.ActionHeader + ",Notes", Drops.Action() + ",anything");
        Assert.True(result.Valid);
        var warning = Assert.Single(result.Report.Warnings);
        Assert.Equal(IssueCode.UnknownColumn, warning.Code);
        Assert.Equal("Notes", warning.Column);
        Assert.Equal(1, warning.Row);
    }

    [Fact]
    public void Validate_HeadersByAliasInAnyOrderAndCase_AreMatched()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones,
            "commentary,AT RISK,reported_status,Date Completed,Forecast Date,Target Date,Lead,Action,WSoA-Area,Milestone.Ref",
            "Going well,no,In progress,,,31/03/2025,Head of SEND,Deliver,Leadership,WS1-01");
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        var milestone = Assert.Single(((DatasetRows<Milestone>)result.Data!).Items);
        Assert.Equal("WS1-01", milestone.Id);
        Assert.Equal(new DateOnly(2025, 3, 31), milestone.Due);
        Assert.Equal(ReportedStatus.InProgress, milestone.Status);
    }
}

using System.Text;
using System.Text.Json;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class ValidationReportWriterTests
{
    [Fact]
    public void ToJson_HasTheContractShape()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "31/02/2025")).Report;
        using var json = JsonDocument.Parse(ValidationReportWriter.ToJson(report));
        var root = json.RootElement;

        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("milestones", root.GetProperty("dataset").GetString());
        Assert.Equal("2025-01", root.GetProperty("period").GetString());
        Assert.Equal(1, root.GetProperty("rows").GetInt32());
        var error = root.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("DueDate", error.GetProperty("column").GetString());
        Assert.Equal("31/02/2025", error.GetProperty("value").GetString());
        Assert.Equal("BadDate", error.GetProperty("code").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Read_WrittenReport_GivesBackTheSameIssues()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "31/02/2025")).Report;

        var read = ValidationReportJson.Read(ValidationReportWriter.ToJson(report));

        Assert.NotNull(read);
        Assert.Equal((report.Dataset, report.Period, report.Rows), (read.Dataset, read.Period, read.Rows));
        Assert.Equal(report.Errors, read.Errors);
        Assert.Equal(report.Warnings, read.Warnings);
    }

    [Fact]
    public void Read_ReportOfAnUnrecognisedPath_IsNull()
    {
        var json = ValidationReportWriter.ToJson("stray.csv", new ValidationIssue(null, null, "stray.csv", IssueCode.BadPath, "Not a drop path."));

        Assert.Null(ValidationReportJson.Read(json));
    }

    [Fact]
    public void ToCsv_FormulaLookingValues_AreWrittenAsText()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "=1+1")).Report;
        var csv = Encoding.UTF8.GetString(ValidationReportWriter.ToCsv(report));

        Assert.StartsWith("\uFEFFSeverity,Row,Column,Value,Code,How to fix", csv, StringComparison.Ordinal);
        Assert.Contains("Error,2,\"DueDate\",\"'=1+1\",BadDate,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=1+1\"", csv, StringComparison.Ordinal);
    }
}

using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>The ID headers people write ("Action Ref", "Risk ID") and the "did you mean" on a missing column.</summary>
public sealed class HeaderVariantTests
{
    [Theory]
    [InlineData("Milestone Ref")]
    [InlineData("Milestone ID")]
    [InlineData("Milestone Reference")]
    [InlineData("Milestone No.")]
    [InlineData("milestone_no")]
    public void Milestones_IdHeaderVariant_IsAccepted(string header)
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, header + Drops.MilestoneHeader["MilestoneId".Length..], Drops.Milestone());
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.Empty(result.Report.Warnings);
    }

    [Theory]
    [InlineData("Metric Ref")]
    [InlineData("Metric ID")]
    [InlineData("Metric Reference")]
    [InlineData("Metric No.")]
    public void Metrics_IdHeaderVariant_IsAccepted(string header)
    {
        var result = Drops.ValidateCsv(Dataset.Metrics, header + Drops.MetricHeader["MetricId".Length..], Drops.Metric());
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("Action Ref")]
    [InlineData("Action ID")]
    [InlineData("Action Reference")]
    [InlineData("Action No.")]
    public void Actions_IdHeaderVariant_IsAccepted(string header)
    {
        var result = Drops.ValidateCsv(Dataset.Actions, header + Drops.ActionHeader["ActionId".Length..], Drops.Action());
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Actions_IdHeaderVariantInWorkbook_IsAccepted()
    {
        var workbook = Drops.Workbook("Actions",
            ["Action Ref", "Action", "Owner", "RaisedOn", "DueDate", "Status", "ClosedDate"],
            ["A-1", "Circulate the minutes", "Board Secretary", WorkbookValue.Of(new DateOnly(2025, 1, 28)), WorkbookValue.Of(new DateOnly(2025, 2, 28)), "Open", ""]);
        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Actions, FileFormat.Xlsx), workbook);
        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Milestones_MisspeltRequiredColumn_ErrorAsksDidYouMean()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader.Replace("Owner", "Ownr", StringComparison.Ordinal), Drops.Milestone());
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.MissingColumn, error.Code);
        Assert.Equal("Owner", error.Column);
        Assert.Contains("Did you mean 'Ownr'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_LongerHeaderHoldingTheName_ErrorAsksDidYouMeanIt()
    {
        var result = Drops.ValidateCsv(Dataset.Actions, "ActionId,Action,Owner,RaisedOn,Due Date Agreed,Status,ClosedDate", Drops.Action());
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("DueDate", error.Column);
        Assert.Contains("Did you mean 'Due Date Agreed'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestones_SeveralUnknownColumns_SuggestsTheClosest()
    {
        var header = Drops.MilestoneHeader.Replace("DueDate", "Deu Date", StringComparison.Ordinal) + ",Notes";
        var error = Assert.Single(Drops.ValidateCsv(Dataset.Milestones, header, Drops.Milestone() + ",x").Report.Errors);
        Assert.Contains("Did you mean 'Deu Date'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestones_NoSimilarColumn_ErrorHasNoSuggestion()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader.Replace("Owner", "Budget", StringComparison.Ordinal), Drops.Milestone());
        var error = Assert.Single(result.Report.Errors);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Add it and fill it in for every row.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_ColumnThatGivesAnotherField_IsNeverSuggested()
    {
        // "Target" is a column the dataset uses; it must not be offered for the missing Value.
        var result = Drops.ValidateCsv(Dataset.Metrics, "MetricId,Metric,Area,Unit,Polarity,Target", "EHCP20,EHCPs,EHCP,%,Higher,58");
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("Value", error.Column);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
    }
}

using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class DropPathTests
{
    [Theory]
    [InlineData("2025-01/milestones.csv", Dataset.Milestones, FileFormat.Csv)]
    [InlineData("2025-01/METRICS.XLSX", Dataset.Metrics, FileFormat.Xlsx)]
    [InlineData("2024-12/Actions.Csv", Dataset.Actions, FileFormat.Csv)]
    public void Parse_ContractPath_IsRecognised(string name, Dataset dataset, FileFormat format)
    {
        var result = DropPath.Parse(name);
        Assert.Null(result.Error);
        Assert.Equal(dataset, result.Drop!.Dataset);
        Assert.Equal(format, result.Drop.Format);
    }

    [Theory]
    [InlineData("2025-13/milestones.csv", "'2025-13' is not a period")]
    [InlineData("2025-01/budget.csv", "'budget' is not a dataset")]
    [InlineData("2025-01/milestones.xls", "'.xls' files are not accepted")]
    [InlineData("2025-01/sub/milestones.csv", "not one folder deep")]
    [InlineData("milestones.csv", "not one folder deep")]
    [InlineData("2025-01/milestones", "no .csv or .xlsx extension")]
    public void Parse_OtherPath_IsRejectedNamingThePattern(string name, string why)
    {
        var result = DropPath.Parse(name);
        Assert.Null(result.Drop);
        Assert.Equal(IssueCode.BadPath, result.Error!.Code);
        Assert.Contains(why, result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("{period}/{dataset}.{ext}", result.Error.Message, StringComparison.Ordinal);
    }
}

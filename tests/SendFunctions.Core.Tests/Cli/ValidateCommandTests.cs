using System.Text.Json;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-validate-");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Samples, "drops"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Samples, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Validate_SampleFile_ExitsZero(string relative)
    {
        var (exit, output, _) = await Sendfx.RunAsync("validate", Path.Combine(Repository.Samples, relative), "--deadline", "2025-10-31");
        Assert.Equal(0, exit);
        Assert.Contains("ACCEPTED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidFileAsJson_ExitsOneWithContractShape()
    {
        var file = Write("2025-01", "milestones.csv", Drops.MilestoneHeader + "\n" + Drops.Milestone(due: "31/02/2025") + "\n");

        var (exit, output, _) = await Sendfx.RunAsync("validate", file, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("milestones", json.RootElement.GetProperty("dataset").GetString());
        Assert.Equal("2025-01", json.RootElement.GetProperty("period").GetString());
        Assert.Equal("BadDate", json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsRowColumnValueAndFix()
    {
        var file = Write("2025-01", "milestones.csv", Drops.MilestoneHeader + "\n" + Drops.Milestone(due: "03/25/2025") + "\n");

        var (exit, output, _) = await Sendfx.RunAsync("validate", file);

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED", output, StringComparison.Ordinal);
        Assert.Contains("Row 2, column 'DueDate', value '03/25/2025': This looks like a US-style date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OptionsOverridePath_ForDatasetAndPeriod()
    {
        var file = Write("anywhere", "upload.csv", Drops.ActionHeader + "\n" + Drops.Action() + "\n");
        var (exit, output, _) = await Sendfx.RunAsync("validate", file, "--dataset", "actions", "--period", "2025-01", "--json");
        Assert.Equal(0, exit);
        Assert.Contains("\"dataset\": \"actions\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anywhere", "milestones.csv", "Cannot tell the period")]
    [InlineData("2025-01", "upload.csv", "Cannot tell the dataset")]
    [InlineData("2025-01", "milestones.txt", "neither .csv nor .xlsx")]
    public async Task Validate_UnresolvablePath_IsAUsageError(string folderName, string fileName, string message)
    {
        var file = Write(folderName, fileName, "x\n");
        var (exit, _, error) = await Sendfx.RunAsync("validate", file);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_IsAUsageError() =>
        Assert.Equal(2, (await Sendfx.RunAsync("validate", Path.Combine(folder.FullName, "2025-01", "nope.csv"))).Exit);

    [Fact]
    public async Task Validate_UnknownOption_IsAUsageError() =>
        Assert.Equal(2, (await Sendfx.RunAsync("validate", "x.csv", "--frobnicate")).Exit);

    [Fact]
    public async Task Validate_BinaryAndZipBombAndEncrypted_ExitOneWithoutCrashing()
    {
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];
        var cases = new[]
        {
            Write("2025-01", "metrics.xlsx", encrypted),
            Write("2025-02", "metrics.xlsx", "plain text"u8.ToArray()),
            Write("2025-03", "metrics.csv", [0x00, 0x01, 0x02, 0xFF]),
            Write("2025-04", "metrics.csv", []),
        };
        foreach (var file in cases)
        {
            var (exit, output, _) = await Sendfx.RunAsync("validate", file);
            Assert.Equal(1, exit);
            Assert.Contains("REJECTED", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_MetricsWorkbookSavedAsMilestones_SaysWhichReturnItIsAndWhereItGoes()
    {
        var file = Write("2025-01", "milestones.xlsx", File.ReadAllBytes(Path.Combine(Repository.Samples, "drops", "2025-01", "metrics.xlsx")));

        var (exit, output, _) = await Sendfx.RunAsync("validate", file);

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED as milestones", output, StringComparison.Ordinal);
        Assert.Contains("This looks like a metrics return, not a milestones return", output, StringComparison.Ordinal);
        Assert.Contains("upload it as drops/2025-01/metrics.xlsx.", output, StringComparison.Ordinal);
        Assert.Contains("[WrongDataset]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[MissingColumn]", output, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string folderName, string fileName, string content) => Write(folderName, fileName, System.Text.Encoding.UTF8.GetBytes(content));

    private string Write(string folderName, string fileName, byte[] content)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder.FullName, folderName));
        var path = Path.Combine(dir.FullName, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }
}

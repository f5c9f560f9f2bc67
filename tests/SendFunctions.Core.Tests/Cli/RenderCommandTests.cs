using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Cli;

/// <summary><c>sendfx render</c> checks every paper it writes, fails when one fails, and can say whether a stored paper is reproduced exactly.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-render-");

    private static string Drops => Path.Combine(Repository.Samples, "drops");

    private static string Config => Path.Combine(Repository.Samples, "config", "reporting.json");

    [Fact]
    public async Task Render_SamplePapers_PassTheirChecksAndExitZero()
    {
        var (exit, output, error) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Config, "--out", folder.FullName);

        Assert.True(exit == 0, error);
        Assert.Equal(4, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("fails", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_BlankRecommendationInConfiguration_NamesTheSettingAndRendersNothing()
    {
        // The configuration check finds it before any paper is made (the paper check, PaperCheckTests, is the second line).
        var config = Path.Combine(folder.FullName, "reporting.json");
        File.WriteAllText(config, File.ReadAllText(Config).Replace("\"recommendations\": [", "\"recommendations\": [\n        \"\",", StringComparison.Ordinal));

        var (exit, _, error) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", config, "--out", folder.FullName, "--report", "hwb-board");

        Assert.Equal(2, exit);
        Assert.Contains("reports.hwb-board.recommendations[0] is blank.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "2025-01-hwb-board.docx")));
    }

    [Fact]
    public async Task Render_CheckAgainstTheSamePaper_MatchesByteForByte()
    {
        var stored = Path.Combine(folder.FullName, "stored.docx");
        await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Config, "--out", folder.FullName, "--report", "exceptions");
        File.Move(Path.Combine(folder.FullName, "2025-01-exceptions.docx"), stored);

        var (exit, output, error) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Config, "--out", folder.FullName, "--report", "exceptions", "--check-against", stored);

        Assert.True(exit == 0, error);
        Assert.Contains("matches", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_CheckAgainstAnotherPaper_SaysItDiffersAndExitsOne()
    {
        await Sendfx.RunAsync("render", "--data", Drops, "--period", "2024-12", "--config", Config, "--out", folder.FullName, "--report", "exceptions");
        var other = Path.Combine(folder.FullName, "2024-12-exceptions.docx");

        var (exit, output, _) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Config, "--out", folder.FullName, "--report", "exceptions", "--check-against", other);

        Assert.Equal(1, exit);
        Assert.Contains("differs", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_CheckAgainstWithoutReport_IsAUsageError()
    {
        var (exit, _, error) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Config, "--out", folder.FullName, "--check-against", Config);

        Assert.Equal(2, exit);
        Assert.Contains("--report", error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);
}

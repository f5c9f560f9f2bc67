using System.Diagnostics;
using SendFunctions.Cli;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// The rendered papers opened by a real LibreOffice and converted to PDF. Skipped on a developer machine
/// without soffice; on CI (CI=true, where .ci/run installs it) a missing soffice is a failure.
/// </summary>
public sealed class LibreOfficeTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-papers-");

    [SkippableFact]
    public async Task Render_SamplePapers_ConvertToPdfInLibreOffice()
    {
        var soffice = FindSoffice();
        Skip.If(soffice is null && Environment.GetEnvironmentVariable("CI") != "true", "LibreOffice (soffice) is not installed here.");
        Assert.True(soffice is not null, "CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui.");

        var root = AzuriteFixture.RepositoryRoot();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SendfxApp.RunAsync(
            ["render", "--data", Path.Combine(root, "samples", "drops"), "--period", "2025-01", "--config", Path.Combine(root, "samples", "config", "reporting.json"), "--out", folder.FullName],
            output, error);
        Assert.True(exit == 0, error.ToString());
        var papers = folder.GetFiles("*.docx");
        Assert.Equal(4, papers.Length);

        var start = new ProcessStartInfo(soffice!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.FullName })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var paper in papers)
        {
            start.ArgumentList.Add(paper.FullName);
        }

        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "LibreOffice did not finish within three minutes.");

        foreach (var paper in papers)
        {
            var pdf = new FileInfo(Path.ChangeExtension(paper.FullName, ".pdf"));
            Assert.True(pdf.Exists, $"{pdf.Name} was not produced: {log}");
            var head = new byte[5];
            using (var stream = pdf.OpenRead())
            {
                stream.ReadExactly(head);
            }

            Assert.Equal("%PDF-"u8.ToArray(), head);
            Assert.True(pdf.Length > 10_000, $"{pdf.Name} is only {pdf.Length} bytes");
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static string? FindSoffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice"))
            .FirstOrDefault(File.Exists);
}

using System.CommandLine;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Reports;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx render --data DIR --period P --config FILE --out DIR [--report KIND]</c>: the papers, locally, with no Azure.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder laid out like the drops container.", Required = true };
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var config = new Option<FileInfo>("--config") { Description = "reporting.json.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to write the .docx files.", Required = true };
        var report = new Option<string?>("--report") { Description = $"One kind only: {string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}." };
        var deadline = new Option<string?>("--deadline") { Description = "Override the WSoA deadline yyyy-MM-dd." };
        var command = new Command("render", "Render the Word papers for a period from local drops.") { data, period, config, outDir, report, deadline };
        command.SetAction(result => Run(result.GetValue(data)!, result.GetValue(period)!, result.GetValue(config)!, result.GetValue(outDir)!, result.GetValue(report), result.GetValue(deadline), output, error));
        return command;
    }

    private static int Run(DirectoryInfo data, string periodText, FileInfo configFile, DirectoryInfo outDir, string? reportText, string? deadlineText, TextWriter output, TextWriter error)
    {
        if (!ReportingPeriod.TryParse(periodText, out var period))
        {
            error.WriteLine($"--period '{periodText}' is not a month written yyyy-MM.");
            return SendfxApp.Usage;
        }

        ReportKind? only = null;
        if (reportText is not null)
        {
            if (!ReportKinds.TryParse(reportText, out var kind))
            {
                error.WriteLine($"--report '{reportText}' is not one of {string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}.");
                return SendfxApp.Usage;
            }

            only = kind;
        }

        if (!data.Exists || !configFile.Exists)
        {
            error.WriteLine($"No such {(data.Exists ? "file" : "folder")}: {(data.Exists ? configFile.FullName : data.FullName)}");
            return SendfxApp.Usage;
        }

        if (ProgrammeOptions.Resolve(data, configFile, deadlineText, error) is not { Config: { } config } programme)
        {
            return SendfxApp.Usage;
        }

        if (LocalStatus.Compute(data, period, programme.Deadline, programme.Tolerance, programme.Config?.Programme.MissingReturns ?? MissingReturnDisplay.Nothing, error, PersonalDataPolicy.For(programme.Config)) is not { } status)
        {
            return SendfxApp.Failed;
        }

        foreach (var warning in Placeholders.Find(config))
        {
            error.WriteLine($"Check reporting.json: {warning}");
        }

        outDir.Create();
        var written = 0;
        foreach (var kind in only is { } k ? [k] : ReportKinds.All)
        {
            if (ReportRenderer.Render(kind, status, config, preview: true) is not { } paper)
            {
                error.WriteLine($"reporting.json has no 'reports.{kind.ToSlug()}' section, so that paper was not rendered.");
                continue;
            }

            var path = Path.Combine(outDir.FullName, paper.FileName);
            File.WriteAllBytes(path, paper.Content);
            output.WriteLine(path);
            written++;
        }

        return written > 0 ? SendfxApp.Ok : SendfxApp.Failed;
    }
}

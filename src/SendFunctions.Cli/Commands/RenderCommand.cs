using System.CommandLine;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Reports;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx render --data DIR --period P --config FILE --out DIR [--report KIND] [--check-against FILE.docx]</c>: the papers,
/// locally, with no Azure; each is run through <see cref="PaperCheck"/> and its findings printed; exit 1 when any paper fails.
/// With <c>--check-against</c>, says whether the paper rendered now is byte for byte the stored one.
/// </summary>
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
        var against = new Option<FileInfo?>("--check-against") { Description = "A stored .docx of the same kind (needs --report): exit 0 when the paper rendered now is identical to it, 1 when not." };
        var command = new Command("render", "Render the Word papers for a period from local drops, and check each.") { data, period, config, outDir, report, deadline, against };
        command.SetAction(result => Run(
            new Request(result.GetValue(data)!, result.GetValue(period)!, result.GetValue(config)!, result.GetValue(outDir)!, result.GetValue(report), result.GetValue(deadline), result.GetValue(against)),
            output,
            error));
        return command;
    }

    private static int Run(Request request, TextWriter output, TextWriter error)
    {
        var (data, periodText, configFile, outDir, reportText, deadlineText, against) = request;
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

        if (LocalStatus.Compute(data, period, programme.Deadline, programme.Tolerance, programme.Config?.Programme.MissingReturns ?? MissingReturnDisplay.Nothing, error, PersonalDataPolicy.For(programme.Config), d => programme.Config?.DatasetFor(d) is not null) is not { } status)
        {
            return SendfxApp.Failed;
        }

        foreach (var warning in Placeholders.Find(config))
        {
            error.WriteLine($"Check reporting.json: {warning}");
        }

        if (against is not null && (only is null || !against.Exists))
        {
            error.WriteLine(only is null ? "--check-against needs --report KIND: the stored paper is of one kind." : $"No such file: {against.FullName}");
            return SendfxApp.Usage;
        }

        outDir.Create();
        var written = 0;
        var failed = 0;
        foreach (var kind in only is { } k ? [k] : ReportKinds.All)
        {
            if (ReportRenderer.Render(kind, status, config, preview: against is null) is not { } paper)
            {
                error.WriteLine($"reporting.json has no 'reports.{kind.ToSlug()}' section, so that paper was not rendered.");
                continue;
            }

            var path = Path.Combine(outDir.FullName, paper.FileName);
            File.WriteAllBytes(path, paper.Content);
            output.WriteLine(path);
            written++;
            var findings = PaperCheck.Check(paper.Content);
            foreach (var finding in findings)
            {
                error.WriteLine($"  {paper.FileName}: {finding}");
            }

            if (findings.Count > 0)
            {
                error.WriteLine($"{paper.FileName} fails {findings.Count} check(s): it must not be sent as it is.");
                failed++;
            }

            if (against is not null)
            {
                var same = File.ReadAllBytes(against.FullName).AsSpan().SequenceEqual(paper.Content);
                output.WriteLine(same
                    ? $"{paper.FileName} matches {against.FullName} byte for byte."
                    : $"{paper.FileName} differs from {against.FullName} (sha256 {ReportManifest.Sha256(paper.Content)} now, {ReportManifest.Sha256(File.ReadAllBytes(against.FullName))} stored).");
                failed += same ? 0 : 1;
            }
        }

        return written > 0 && failed == 0 ? SendfxApp.Ok : SendfxApp.Failed;
    }

    private sealed record Request(DirectoryInfo Data, string Period, FileInfo Config, DirectoryInfo Out, string? Report, string? Deadline, FileInfo? CheckAgainst);
}

using System.CommandLine;
using System.Text.Json;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx config check FILE [--json]</c>: the checks the host makes on <c>reporting.json</c>, before it is uploaded.
/// Exit 0 valid (warnings allowed), 1 invalid, 2 usage or an unreadable file.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "reporting.json" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var check = new Command("check", "Check reporting.json: every problem with its JSON path and a fix; placeholder contact details as warnings.") { file, json };
        check.SetAction(result => Check(result.GetValue(file)!, result.GetValue(json), output, error));
        return new Command("config", "Work with the programme configuration, reporting.json.") { check };
    }

    public static int Check(FileInfo file, bool json, TextWriter output, TextWriter error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {file.FullName}: {ex.Message}");
            return SendfxApp.Usage;
        }

        var result = ReportingConfig.Parse(bytes);
        var findings = result.Findings ?? [];
        var errors = findings.Where(f => f.Severity == ConfigSeverity.Error).ToList();
        var warnings = findings.Where(f => f.Severity == ConfigSeverity.Warning).ToList();
        if (json)
        {
            var report = new { Valid = errors.Count == 0, File = file.Name, Errors = errors.Select(Entry), Warnings = warnings.Select(Entry) };
            output.WriteLine(JsonSerializer.Serialize(report, Json.Options));
        }
        else
        {
            output.WriteLine($"{file.Name}: {(errors.Count == 0 ? "valid" : "invalid")}, {Count(errors.Count, "error")}, {Count(warnings.Count, "warning")}.");
            foreach (var finding in errors.Concat(warnings))
            {
                output.WriteLine($"  {(finding.Severity == ConfigSeverity.Error ? "error  " : "warning")} {finding.Path}");
                output.WriteLine($"          {finding.Message}");
                if (finding.Fix is { } fix)
                {
                    output.WriteLine($"          Fix: {fix}");
                }
            }
        }

        return errors.Count == 0 ? SendfxApp.Ok : SendfxApp.Failed;
    }

    private static object Entry(ConfigFinding f) => new { f.Path, f.Message, f.Fix };

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}

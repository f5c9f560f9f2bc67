using SendFunctions.Core.Ingestion;

namespace SendFunctions.Cli;

/// <summary>The validation report as a data owner reads it in a terminal.</summary>
internal static class ValidationText
{
    public static void Write(string fileName, ValidationReport report, TextWriter output)
    {
        var verdict = report.Valid ? "ACCEPTED" : "REJECTED";
        output.WriteLine($"{fileName}: {verdict} as {report.Dataset.ToSlug()} for {report.Period} - {report.Rows} data rows, {Count(report.Errors.Count, "error")}, {Count(report.Warnings.Count, "warning")}.");
        if (report.Sheet is not null)
        {
            output.WriteLine($"  (read from sheet '{report.Sheet}')");
        }

        WriteIssues("Errors (fix these and upload again):", report.Errors, output);
        WriteIssues("Warnings (the file is accepted, but check these):", report.Warnings, output);
    }

    private static void WriteIssues(string heading, IReadOnlyList<ValidationIssue> issues, TextWriter output)
    {
        if (issues.Count == 0)
        {
            return;
        }

        output.WriteLine(heading);
        foreach (var issue in issues)
        {
            var where = issue.Row is { } row ? $"Row {row}" : "File";
            var column = issue.Column is null ? string.Empty : $", column '{issue.Column}'";
            var value = string.IsNullOrEmpty(issue.Value) ? string.Empty : $", value '{issue.Value}'";
            output.WriteLine($"  {where}{column}{value}: {issue.Message} [{issue.Code}]");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

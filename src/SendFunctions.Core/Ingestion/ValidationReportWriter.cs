using System.Text;
using System.Text.Json;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Ingestion;

/// <summary>The validation report in the two forms an owner and a machine read: JSON (DATA-CONTRACT.md section 7) and CSV for Excel.</summary>
public static class ValidationReportWriter
{
    public static byte[] ToJson(ValidationReport report) => JsonSerializer.SerializeToUtf8Bytes(ToContract(report), Json.Options);

    /// <summary>The report for an upload whose path named no period or dataset.</summary>
    public static byte[] ToJson(string blobName, ValidationIssue pathError) =>
        JsonSerializer.SerializeToUtf8Bytes(new ValidationReportJson(false, null, null, 0, [ToJson(pathError)], []) { Blob = blobName }, Json.Options);

    public static ValidationReportJson ToContract(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ValidationReportJson(report.Valid, report.Dataset, report.Period.ToString(), report.Rows, report.Errors.Select(ToJson).ToList(), report.Warnings.Select(ToJson).ToList());
    }

    /// <summary>UTF-8 with BOM so Excel shows £ and accents; cells that Excel would take for a formula are written as text.</summary>
    public static byte[] ToCsv(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        builder.Append("Severity,Row,Column,Value,Code,How to fix\r\n");
        foreach (var (severity, issue) in report.Errors.Select(e => ("Error", e)).Concat(report.Warnings.Select(w => ("Warning", w))))
        {
            builder.Append(severity).Append(',')
                .Append(issue.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(issue.Column)).Append(',')
                .Append(Field(issue.Value)).Append(',')
                .Append(issue.Code).Append(',')
                .Append(Field(issue.Message)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    private static IssueJson ToJson(ValidationIssue issue) => new(issue.Row, issue.Column, issue.Value, issue.Code.ToString(), issue.Message);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

public sealed record ValidationReportJson(bool Valid, Dataset? Dataset, string? Period, int Rows, IReadOnlyList<IssueJson> Errors, IReadOnlyList<IssueJson> Warnings)
{
    /// <summary>Only for uploads whose path was not recognised: the name as uploaded.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Blob { get; init; }

    /// <summary>The stored report read back (the sheet name is not stored); null for an upload whose path named no period or dataset.</summary>
    public static ValidationReport? Read(ReadOnlySpan<byte> utf8)
    {
        var json = JsonSerializer.Deserialize<ValidationReportJson>(utf8, Json.Options);
        if (json is not { Dataset: { } dataset } || !Periods.ReportingPeriod.TryParse(json.Period, out var period))
        {
            return null;
        }

        return new ValidationReport(dataset, period, null, json.Rows, json.Errors.Select(ToIssue).ToList(), json.Warnings.Select(ToIssue).ToList());
    }

    private static ValidationIssue ToIssue(IssueJson issue) =>
        new(issue.Row, issue.Column, issue.Value, Enum.Parse<IssueCode>(issue.Code), issue.Message);
}

public sealed record IssueJson(int? Row, string? Column, string? Value, string Code, string Message);

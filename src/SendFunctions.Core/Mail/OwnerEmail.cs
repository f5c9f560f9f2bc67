using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Mail;

/// <summary>Feedback to a data owner on their upload: the problems to fix, or a receipt.</summary>
public static class OwnerEmail
{
    public const int ErrorsShown = 10;

    public static MailMessage For(string fileName, ValidationReport report, Person owner, byte[] validationCsv)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(owner);
        fileName = Display.Printable.Of(fileName);
        var dataset = report.Dataset.ToSlug();
        var month = report.Period.ToLongName();
        return report.Valid
            ? Receipt(fileName, report, owner, dataset, month)
            : Rejection(fileName, report, owner, validationCsv, dataset, month);
    }

    private static MailMessage Rejection(string fileName, ValidationReport report, Person owner, byte[] csv, string dataset, string month)
    {
        var errors = report.Errors;
        var subject = $"Action needed: your {dataset} file for {month} was not accepted ({Words.Count(errors.Count, "error")})";
        var intro = $"Your file {fileName} ({dataset}, {month}) was not accepted because it has {Words.Count(errors.Count, "error")}. Nothing in it has been used, and the previous accepted data for the month is unchanged. Please correct the file and upload it again to the same place.";
        var shown = errors.Take(ErrorsShown).Select(e => (IReadOnlyList<string>)[e.Row?.ToString(CultureInfo.InvariantCulture) ?? "File", e.Column ?? string.Empty, e.Value ?? string.Empty, e.Message]).ToList();
        var more = errors.Count > ErrorsShown ? $"The first {ErrorsShown} are below; all {errors.Count} are in the attached spreadsheet." : "They are listed below and in the attached spreadsheet.";
        var html = new List<string>
        {
            Html.P($"Dear {owner.Name},"),
            Html.P(intro),
            Html.P(more),
            Html.Table(["Row", "Column", "Value", "How to fix"], shown),
            Html.P("Tip: run 'sendfx validate' on the file before uploading to see the same checks."),
        };
        var text = new List<string> { $"Dear {owner.Name},", string.Empty, intro, string.Empty, more, string.Empty };
        text.AddRange(shown.Select(r => $"Row {r[0]}, column '{r[1]}', value '{r[2]}': {r[3]}"));
        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, html), string.Join("\n", text),
            [new MailAttachment($"{report.Period}-{dataset}-validation.csv", "text/csv", csv)]);
    }

    private static MailMessage Receipt(string fileName, ValidationReport report, Person owner, string dataset, string month)
    {
        var subject = $"Received: your {dataset} file for {month} was accepted";
        var intro = $"Thank you. Your file {fileName} ({dataset}, {month}) was accepted with {Words.Count(report.Rows, "row")} and {Words.Count(report.Warnings.Count, "warning")}.";
        var html = new List<string> { Html.P($"Dear {owner.Name},"), Html.P(intro) };
        var text = new List<string> { $"Dear {owner.Name},", string.Empty, intro };
        if (report.Warnings.Count > 0)
        {
            var rows = report.Warnings.Take(ErrorsShown).Select(w => (IReadOnlyList<string>)[w.Row?.ToString(CultureInfo.InvariantCulture) ?? "File", w.Column ?? string.Empty, w.Message]).ToList();
            html.Add(Html.P("Please check these warnings; the file was accepted as it is."));
            html.Add(Html.Table(["Row", "Column", "Warning"], rows));
            text.Add(string.Empty);
            text.AddRange(rows.Select(r => $"Row {r[0]}, column '{r[1]}': {r[2]}"));
        }

        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, html), string.Join("\n", text), []);
    }
}

using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Mail;

/// <summary>Feedback to a data owner on their upload: the problems to fix, or a receipt.</summary>
public static class OwnerEmail
{
    public const int ErrorsShown = 10;

    /// <param name="looksLikeOwner">For a file that looks like another return: that return's owner, named in the email.</param>
    public static MailMessage For(string fileName, ValidationReport report, Person owner, byte[] validationCsv, Person? looksLikeOwner = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(owner);
        fileName = Display.Printable.Of(fileName);
        var dataset = report.Dataset.ToSlug();
        var month = report.Period.ToLongName();
        return report.Valid
            ? Receipt(fileName, report, owner, dataset, month)
            : report.LooksLike is { } other
                ? OtherReturn(fileName, report, owner, looksLikeOwner, other, validationCsv)
                : Rejection(fileName, report, owner, validationCsv, dataset, month);
    }

    private static MailMessage Rejection(string fileName, ValidationReport report, Person owner, byte[] csv, string dataset, string month)
    {
        var errors = report.Errors;
        var subject = $"Action needed: your {dataset} file for {month} was not accepted ({Words.Count(errors.Count, "error")})";
        var intro = $"Your file {fileName} ({dataset}, {month}) was not accepted because it has {Words.Count(errors.Count, "error")}. Nothing in it has been used, and the previous accepted data for the month is unchanged. Please correct the file in Excel and upload it again.";
        var shown = errors.Take(ErrorsShown).Select(e => (IReadOnlyList<string>)[e.Row?.ToString(CultureInfo.InvariantCulture) ?? "File", e.Column ?? string.Empty, e.Value ?? string.Empty, e.Message]).ToList();
        var more = errors.Count > ErrorsShown ? $"The first {ErrorsShown} are below; all {errors.Count} are in the attached spreadsheet." : "They are listed below and in the attached spreadsheet.";
        var advice = ExcelAdvice.For(errors);
        var again = UploadAgain(new DropPath(report.Period, report.Dataset, FormatOf(fileName)));
        var html = new List<string>
        {
            Html.P($"Dear {owner.Name},"),
            Html.P(intro),
            Html.P(more),
            Html.Table(["Row", "Column", "Value", "How to fix"], shown),
        };
        var text = new List<string> { $"Dear {owner.Name},", string.Empty, intro, string.Empty, more, string.Empty };
        text.AddRange(shown.Select(r => $"Row {r[0]}, column '{r[1]}', value '{r[2]}': {r[3]}"));
        if (advice.Count > 0)
        {
            html.Add(Html.H(WhatToChange));
            html.Add(Html.List(advice));
            text.AddRange([string.Empty, WhatToChange, .. advice.Select(a => $"- {a}")]);
        }

        html.AddRange([Html.H(WhereToUpload), .. again.Select(Html.P)]);
        text.AddRange([string.Empty, WhereToUpload, .. again.SelectMany(p => new[] { p, string.Empty })]);
        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, html), string.Join("\n", text).TrimEnd(),
            [new MailAttachment($"{report.Period}-{dataset}-validation.csv", "text/csv", csv)]);
    }

    /// <summary>Another return under this one's name: what it looks like, whose it is, and both paths; nothing to change in the file.</summary>
    private static MailMessage OtherReturn(string fileName, ValidationReport report, Person owner, Person? otherOwner, Dataset other, byte[] csv)
    {
        var dataset = report.Dataset.ToSlug();
        var month = report.Period.ToLongName();
        var format = FormatOf(fileName);
        var there = new DropPath(report.Period, other, format);
        var here = new DropPath(report.Period, report.Dataset, format);
        var whose = otherOwner is null ? string.Empty
            : otherOwner.Email.Equals(owner.Email, StringComparison.OrdinalIgnoreCase) ? " (a return you also send)"
            : $" ({otherOwner.Name}'s return, {otherOwner.Email})";
        var subject = $"Action needed: the file uploaded as your {dataset} return for {month} looks like the {other.ToSlug()} return";
        var paragraphs = new List<string>
        {
            $"Dear {owner.Name},",
            $"A file was uploaded as your {dataset} return for {month}, {fileName}, but its header row is that of the {other.ToSlug()} return{whose}. It was kept, but nothing in it has been used, and the previous accepted {dataset} data for the month is unchanged.",
            $"If it is the {other.ToSlug()} return, upload the same file again as drops/{there.Name}: nothing in it needs to change."
                + (otherOwner is not null && !otherOwner.Email.Equals(owner.Email, StringComparison.OrdinalIgnoreCase) ? $" As it is {otherOwner.Name}'s return, please let them know." : string.Empty),
            $"If you meant to send the {dataset} return, upload that file as drops/{here.Name} (in Azure Storage Explorer: open the drops container, then the folder {report.Period}, and upload it there named {here.Dataset.ToSlug()}.{format.ToExtension()}).",
            Optional(here),
        };
        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, paragraphs.Select(Html.P)), string.Join("\n\n", paragraphs),
            [new MailAttachment($"{report.Period}-{dataset}-validation.csv", "text/csv", csv)]);
    }

    private const string WhatToChange = "What to change in Excel";

    private const string WhereToUpload = "Where to upload it again";

    private static IReadOnlyList<string> UploadAgain(DropPath path) =>
    [
        $"Save the corrected file (File > Save As: {(path.Format == FileFormat.Csv ? "CSV UTF-8 (Comma delimited)" : "Excel Workbook")}) and upload it to drops/{path.Name}, replacing the file there: in Azure Storage Explorer, open the drops container, then the folder {path.Period}, and upload it there named {path.Dataset.ToSlug()}.{path.Format.ToExtension()}. You will get a reply within minutes.",
        Optional(path),
    ];

    private static string Optional(DropPath path) =>
        $"Optional: if you have the sendfx tool from the programme office, 'sendfx validate {path.Period}/{path.Dataset.ToSlug()}.{path.Format.ToExtension()}' runs the same checks on your computer before you upload. You do not need it: uploading again gets the same checks.";

    /// <summary>The format of the upload as named (<c>2025-01/milestones.xlsx</c>); CSV for a name without one we take.</summary>
    private static FileFormat FormatOf(string fileName) =>
        DatasetNames.TryParseFormat(fileName[(fileName.LastIndexOf('.') + 1)..], out var format) ? format : FileFormat.Csv;

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

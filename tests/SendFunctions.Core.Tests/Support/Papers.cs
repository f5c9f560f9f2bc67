using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Tests.Support;

/// <summary>A rendered paper read as a clerk reads it: its paragraphs outside tables, its table rows, its headings.</summary>
internal sealed class Paper : IDisposable
{
    private readonly WordprocessingDocument document;

    private Paper(byte[] content)
    {
        document = WordprocessingDocument.Open(new MemoryStream(content), false);
        Body = document.MainDocumentPart!.Document.Body!;
    }

    public Body Body { get; }

    /// <summary>Everything in the body, paragraph by paragraph (table cells included), one per line.</summary>
    public string Text => string.Join("\n", Body.Descendants<Paragraph>().Select(p => p.InnerText));

    /// <summary>Paragraphs that are not headings, titles or inside tables: the prose.</summary>
    public IReadOnlyList<string> Prose => Body.Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not { } style || !(style.StartsWith("Heading", StringComparison.Ordinal) || style == "Title"))
        .Select(p => p.InnerText)
        .Where(t => t.Length > 0)
        .ToList();

    public IReadOnlyList<Paragraph> Headings => Body.Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
        .ToList();

    public IReadOnlyList<IReadOnlyList<string>> Rows => Body.Descendants<TableRow>()
        .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList())
        .ToList();

    public static Paper Render(ReportKind kind, PeriodStatus status, ReportingConfig? config = null, bool preview = false, PaperCover? cover = null, SendFunctions.Core.Calendar.PaperRevision? revision = null) =>
        new(ReportRenderer.Render(kind, status, config ?? SampleStatus.Config, preview, cover: cover, revision: revision)!.Content);

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => document.Dispose();
}

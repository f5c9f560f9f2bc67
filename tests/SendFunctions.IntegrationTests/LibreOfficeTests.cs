using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SendFunctions.Cli;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// The rendered papers opened by a real LibreOffice and converted to PDF, then read back with pdftotext: no word, date,
/// month or amount in them is broken across lines. Skipped on a developer machine without soffice and pdftotext; on CI
/// (CI=true, where .ci/run installs them with the metric-compatible Liberation fonts) a missing one is a failure.
/// </summary>
public sealed partial class LibreOfficeTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sendfx-papers-");

    [SkippableFact]
    public async Task Render_SamplePapers_ConvertToPdfWithNoWordOrFigureBrokenAcrossLines()
    {
        var soffice = Find("soffice");
        var pdftotext = Find("pdftotext");
        Skip.If((soffice is null || pdftotext is null) && Environment.GetEnvironmentVariable("CI") != "true", "LibreOffice (soffice) or pdftotext (poppler-utils) is not installed here.");
        Assert.True(soffice is not null, "CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui.");
        Assert.True(pdftotext is not null, "CI must have pdftotext: .ci/run installs poppler-utils.");

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

            var text = await PdfTextAsync(pdftotext!, pdf.FullName);
            Assert.Empty(BrokenFigures(paper.FullName, text).Select(f => $"{paper.Name}: {f}"));
            Assert.Empty(WordFragments(paper.FullName, text).Select(f => $"{paper.Name}: '{f}' is part of a word broken across lines"));
        }
    }

    /// <summary>
    /// Dates, months and amounts in the paper's tables that the PDF does not hold on one line: each must appear in the
    /// PDF's lines (spaces may widen, a line may not end inside it) at least as often as in the tables.
    /// </summary>
    private static IEnumerable<string> BrokenFigures(string docx, string pdfText)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var cells = document.MainDocumentPart!.Document.Body!.Descendants<W.TableCell>().Select(c => c.InnerText);
        var counts = cells.SelectMany(c => Figure().Matches(c).Select(m => m.Value)).CountBy(v => v, StringComparer.Ordinal);
        foreach (var (figure, count) in counts)
        {
            var pattern = string.Join("[ ]+", figure.Split(' ').Select(Regex.Escape));
            var found = Regex.Count(pdfText, pattern);
            if (found < count)
            {
                yield return $"'{figure}' is in the tables {count} time(s) but on one line of the PDF only {found} time(s)";
            }
        }
    }

    /// <summary>
    /// Words of the PDF that are no word of the document: the pieces of a word a line break cut in two ("Novem", "ber").
    /// Numbers (page numbers, chart axes) and a compound broken after its own hyphen ("co-" then "production") are allowed.
    /// </summary>
    private const int HyphenReach = 40;

    private static List<string> WordFragments(string docx, string pdfText)
    {
        var words = DocumentWords(docx);
        var tokens = pdfText.Split([' ', '\n', '\r', '\f', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var fragments = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (words.Contains(token) || Numeric().IsMatch(token))
            {
                continue;
            }

            // A break at a word's own hyphen is allowed. With -layout, a table row's other cells stand between the two parts of
            // a cell's line, so the rest of the word is looked for across the width of a row, not just the next few tokens.
            if (HyphenBreak().IsMatch(token) && tokens.Skip(i + 1).Take(HyphenReach).Any(next => words.Contains(token + next)))
            {
                continue;
            }

            if (tokens.Take(i).Reverse().Take(HyphenReach).Any(before => HyphenBreak().IsMatch(before) && words.Contains(before + token)))
            {
                continue;
            }

            fragments.Add(token);
        }

        return fragments;
    }

    /// <summary>Every whitespace-separated word of the document's text, its header and footer and its charts.</summary>
    private static HashSet<string> DocumentWords(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var main = document.MainDocumentPart!;
        var roots = new List<OpenXmlElement> { main.Document };
        roots.AddRange(main.HeaderParts.Select(h => h.Header!));
        roots.AddRange(main.FooterParts.Select(f => f.Footer!));
        roots.AddRange(main.ChartParts.Select(c => c.ChartSpace!));
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var lines = root.Descendants<W.Paragraph>().Select(ParagraphText)
                .Concat(root.Descendants<A.Paragraph>().Select(p => string.Concat(p.Descendants<A.Text>().Select(t => t.Text))))
                .Concat(root.Descendants<C.NumericValue>().Select(v => v.Text));
            foreach (var line in lines)
            {
                words.UnionWith(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return words;
    }

    /// <summary>A paragraph's text with its line breaks as spaces.</summary>
    private static string ParagraphText(W.Paragraph paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (element is W.Text t)
            {
                text.Append(t.Text);
            }
            else if (element is W.Break or W.TabChar)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static async Task<string> PdfTextAsync(string pdftotext, string pdf)
    {
        var start = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-layout", "-enc", "UTF-8", pdf, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    [GeneratedRegex(@"\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{4}|£[\d,]+|\d+(\.\d+)?%|\d+(\.\d+)? (weeks|days|points)")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^[\d.,%£•\u2013\u2014()\-]+$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^[\p{L}\d]{2,}-$")]
    private static partial Regex HyphenBreak();

    public void Dispose() => folder.Delete(recursive: true);

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}

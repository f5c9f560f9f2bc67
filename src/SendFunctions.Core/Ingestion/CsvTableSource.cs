using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SendFunctions.Core.Ingestion;

/// <summary>RFC 4180 CSV, UTF-8 (BOM optional) or, where the bytes are not valid UTF-8, Windows-1252 as Excel saves "CSV" in the UK.</summary>
internal sealed class CsvTableSource : ITableSource
{
    private const int SniffBytes = 64 * 1024;
    private readonly Stream content;
    private readonly Encoding encoding;
    private readonly List<ValidationIssue> issues = [];

    private CsvTableSource(Stream content, Encoding encoding)
    {
        this.content = content;
        this.encoding = encoding;
    }

    public string? SheetName => null;

    public IReadOnlyList<ValidationIssue> ReadIssues => issues;

    public static TableOpenResult Open(Stream content)
    {
        var head = new byte[(int)Math.Min(SniffBytes, content.Length)];
        content.Position = 0;
        content.ReadExactly(head);
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return TableOpenResult.Fail(IssueCode.NotText, "The file is an Excel workbook saved with a .csv name. Upload it with the .xlsx extension, or use File > Save As > CSV UTF-8 in Excel.");
        }

        if (head.AsSpan().Contains((byte)0))
        {
            return TableOpenResult.Fail(IssueCode.NotText, "The file is not a text CSV file: it contains binary data. In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file.");
        }

        var encoding = IsUtf8(content) ? new UTF8Encoding(false) : Windows1252;
        content.Position = 0;
        return new TableOpenResult(new CsvTableSource(content, encoding), null);
    }

    public IEnumerable<SourceRow> ReadRows()
    {
        content.Position = 0;
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var rowNumber = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            Mode = CsvMode.RFC4180,
            BadDataFound = args => issues.Add(new ValidationIssue(
                rowNumber, null, Truncate(args.Field), IssueCode.MalformedCsv,
                "This row has a quote mark in an unexpected place; the text was read as written. Check the row, and put quotes only around whole values.")),
        };
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            rowNumber++;
            var count = parser.Count;
            var cells = new Cell[count];
            var blank = true;
            for (var i = 0; i < count; i++)
            {
                var text = parser[i];
                cells[i] = new Cell(text);
                blank &= string.IsNullOrWhiteSpace(text);
            }

            if (!blank)
            {
                yield return new SourceRow(rowNumber, cells);
            }
        }
    }

    public void Dispose()
    {
    }

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static string Truncate(string field) => field.Length <= 60 ? field : field[..60] + "...";

    private static bool IsUtf8(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

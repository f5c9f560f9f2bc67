using System.Buffers;
using System.Text;
using Sylvan.Data.Csv;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// RFC 4180 CSV read in place with Sylvan.Data.Csv: UTF-8 (BOM optional) or, where no byte is valid UTF-8 beyond ASCII,
/// Windows-1252 as Excel saves "CSV" in the UK. A file mostly UTF-8 with a few other bytes is read as UTF-8 and reported.
/// </summary>
internal sealed class CsvTableSource : TableReader
{
    private const int SniffBytes = 64 * 1024;
    private const int MaxRowsListed = 10;
    private const int BufferChars = 64 * 1024;
    private readonly Stream content;
    private readonly CsvTextKind kind;
    private readonly IngestionLimits limits;
    private readonly List<int> mixedRows = [];
    private Utf8CheckingReader? checking;
    private TextReader? text;
    private CsvDataReader? reader;

    /// <summary>The parser's first buffer, from the shared pool: a new 128 KB array for every file would be new memory each time.</summary>
    private char[]? buffer;
    private int rowNumber;
    private int mixedRowCount;

    private CsvTableSource(Stream content, CsvTextKind kind, IngestionLimits limits)
    {
        this.content = content;
        this.kind = kind;
        this.limits = limits;
    }

    public override string? SheetName => null;

    public override int RowNumber => rowNumber;

    private bool CheckAsRead { get; init; }

    public override int Count => reader!.RowFieldCount;

    /// <summary>
    /// False when the file was read as UTF-8 while its bytes were checked (<see cref="CsvReading.CheckedAsRead"/>) and
    /// they were not all found to be UTF-8 (a byte that is not, or reading stopped before the end): the file's encoding
    /// must then be decided from all its bytes, and the file read again if that is not UTF-8. True otherwise.
    /// </summary>
    public bool EncodingSettled => !CheckAsRead || checking is { AllUtf8: true };

    /// <summary>True when reading stopped at a byte that is not UTF-8, so the rows read are not the whole file.</summary>
    public bool StoppedAtInvalidByte => checking is { FoundInvalid: true };

    public static TableOpenResult Open(Stream content, IngestionLimits limits, CsvReading reading)
    {
        var head = new byte[(int)Math.Min(SniffBytes, content.Length)];
        content.Position = 0;
        content.ReadExactly(head);
        if (CsvSniffer.Refuse(head) is { } refusal)
        {
            return new TableOpenResult(null, refusal);
        }

        var kind = reading switch
        {
            CsvReading.CheckedAsRead or CsvReading.Utf8 => CsvTextKind.Utf8,
            CsvReading.Windows1252 => CsvTextKind.Windows1252,
            CsvReading.Mixed => CsvTextKind.Mixed,
            _ => CsvEncoding.Classify(content),
        };
        return new TableOpenResult(new CsvTableSource(content, kind, limits) { CheckAsRead = reading == CsvReading.CheckedAsRead }, null);
    }

    public override bool Next()
    {
        reader ??= Start();
        while (reader.Read())
        {
            if (checking is { FoundInvalid: true })
            {
                // A byte that is not UTF-8 has been read: the file will be read again in its own encoding.
                return false;
            }

            rowNumber++;
            var raw = reader.GetRawRecordSpan();
            if (raw.Contains('"'))
            {
                CheckQuotes(raw);
            }

            if (kind == CsvTextKind.Mixed && raw.Contains('\uFFFD'))
            {
                NoteMixed();
            }

            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                if (!reader.GetFieldSpan(i).IsWhiteSpace())
                {
                    return true;
                }
            }
        }

        if (mixedRowCount > 0)
        {
            Errors.Add(MixedEncodingIssue());
            mixedRowCount = 0;
        }

        return false;
    }

    public override CellKind KindOf(int column) => CellKind.Text;

    public override double NumberOf(int column) => 0;

    public override ReadOnlySpan<char> TextOf(int column) => column < reader!.RowFieldCount ? reader.GetFieldSpan(column) : [];

    public override void Dispose()
    {
        reader?.Dispose();
        text?.Dispose();
        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private CsvDataReader Start()
    {
        content.Position = 0;
        var encoding = kind == CsvTextKind.Windows1252 ? CsvEncoding.Windows1252 : new UTF8Encoding(false);
        checking = CheckAsRead ? new Utf8CheckingReader(content) : null;
        text = checking is not null ? checking : new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        buffer = ArrayPool<char>.Shared.Rent(BufferChars);
        return CsvDataReader.Create(text, buffer, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            Quote = '"',
            CsvStyle = CsvStyle.Lax,
            BufferSize = BufferChars,
            MaxBufferSize = limits.MaxCsvRowChars,
        });
    }

    /// <summary>RFC 4180's rules for quotes, checked only on rows that hold one: a quote inside an unquoted value or text after a closing quote is a warning; a quote never closed swallows the rest of the file and is an error.</summary>
    private void CheckQuotes(ReadOnlySpan<char> raw)
    {
        switch (CsvQuotes.Check(raw, out var field))
        {
            case CsvQuoteProblem.Stray:
                Warnings.Add(new ValidationIssue(
                    rowNumber, null, IssueValues.Shorten(field < reader!.RowFieldCount ? reader.GetFieldSpan(field) : []), IssueCode.MalformedCsv,
                    "This row has a quote mark in an unexpected place, so the value may not read as intended. Check the row, and put quotes only around whole values."));
                break;
            case CsvQuoteProblem.Unclosed:
                Errors.Add(new ValidationIssue(
                    rowNumber, null, null, IssueCode.UnclosedQuote,
                    "A quote mark (\") opened on this row is never closed, so every row after it was read as part of one value. Close the quote after the value, or remove the quote mark."));
                break;
        }
    }

    private void NoteMixed()
    {
        mixedRowCount++;
        if (mixedRows.Count < MaxRowsListed)
        {
            mixedRows.Add(rowNumber);
        }
    }

    private ValidationIssue MixedEncodingIssue()
    {
        var rows = string.Join(", ", mixedRows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var more = mixedRowCount > mixedRows.Count ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" and {mixedRowCount - mixedRows.Count:N0} more") : string.Empty;
        return new ValidationIssue(null, null, null, IssueCode.MixedEncoding,
            $"The file mixes two text encodings: it is UTF-8 except on row{(mixedRowCount == 1 ? string.Empty : "s")} {rows}{more}, where some characters (often £, € or accented letters pasted from elsewhere) are saved another way and cannot be read. In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file.");
    }
}

using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Privacy;

namespace SendFunctions.Core.Ingestion;

/// <summary>What validation needs besides the file: the WSoA deadline (for the commentary warning) and the size limits.</summary>
/// <param name="KeepRows">False to check a file without holding its rows (sendfx validate): memory then stays flat in file size but for the set of IDs.</param>
public sealed record ValidationSettings(DateOnly? Deadline, IngestionLimits Limits, bool KeepRows = true)
{
    public static readonly ValidationSettings Default = new(null, IngestionLimits.Default);

    /// <summary>What the personal-data guard reports (reporting.json's programme settings); every detector an error by default.</summary>
    public PersonalDataPolicy PersonalData { get; init; } = PersonalDataPolicy.Default;
}

/// <summary>
/// Validates one drop against DATA-CONTRACT.md sections 2-3. Reads the stream once per pass; never throws for bad content:
/// opening and every row are guarded, and a file that cannot be read to the end is a file-level issue.
/// </summary>
public static class DropValidator
{
    public static DropValidation Validate(DropPath drop, Stream content, ValidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(settings);

        // A CSV is read once, as UTF-8, its bytes checked as they pass to the parser. In the rare file whose bytes are
        // not all UTF-8 (or whose reading stopped early) the encoding is decided from all of them; a file that is then
        // not UTF-8 is read again in its own encoding, and only that reading counts.
        var validation = Validate(drop, content, settings, CsvReading.CheckedAsRead, out var settled, out var stopped);
        if (settled)
        {
            return validation;
        }

        var kind = CsvEncoding.Classify(content);
        if (kind == CsvTextKind.Utf8 && !stopped)
        {
            return validation;
        }

        // Only the second reading counts: the first one's rows go back to the pool.
        validation.Dispose();
        return Validate(drop, content, settings, CsvEncoding.Decided(kind), out _, out _);
    }

    private static DropValidation Validate(DropPath drop, Stream content, ValidationSettings settings, CsvReading csv, out bool settled, out bool stopped)
    {
        settled = true;
        stopped = false;
        TableOpenResult opened;
        try
        {
            opened = TableSource.Open(content, drop.Format, drop.Dataset, settings.Limits, csv);
        }
        catch (Exception ex) when (ReadFailure.IsBadContent(ex))
        {
            opened = new TableOpenResult(null, ReadFailure.Describe(ex, drop.Format, 0));
        }

        if (opened.Source is not TableReader source)
        {
            return DropValidation.Rejected(drop, null, 0, [opened.Error!], []);
        }

        using var _ = source;
        var errors = new IssueLog(settings.Limits.MaxIssuesKept);
        var context = new DropContext(drop.Period, settings.Deadline, () => errors.Count);
        var validation = drop.Dataset switch
        {
            Dataset.Milestones => Run(drop, source, new MilestoneSchema(context), errors, settings, content.Length, rows => new DatasetRows<Milestone>(rows)),
            Dataset.Metrics => Run(drop, source, new MetricSchema(context), errors, settings, content.Length, rows => new DatasetRows<MetricReading>(rows)),
            Dataset.Actions => Run(drop, source, new ActionSchema(context), errors, settings, content.Length, rows => new DatasetRows<ActionItem>(rows)),
            Dataset.Updates => Run(drop, source, new UpdateSchema(context), errors, settings, content.Length, rows => new DatasetRows<SubgroupUpdate>(rows)),
            Dataset.Decisions => Run(drop, source, new DecisionSchema(context), errors, settings, content.Length, rows => new DatasetRows<BoardDecision>(rows)),
            Dataset.Risks => Run(drop, source, new RiskSchema(context), errors, settings, content.Length, rows => new DatasetRows<RiskEntry>(rows)),
            Dataset.Targets => Run(drop, source, new TargetSchema(context), errors, settings, content.Length, rows => new DatasetRows<MetricTarget>(rows)),
            _ => throw new ArgumentOutOfRangeException(nameof(drop)),
        };
        settled = source is not CsvTableSource { EncodingSettled: false };
        stopped = source is CsvTableSource { StoppedAtInvalidByte: true };
        return validation;
    }

    private static DropValidation Run<TRow, T>(
        DropPath drop, TableReader source, IDatasetSchema<TRow, T> schema, IssueLog errors, ValidationSettings settings, long bytes, Func<IReadOnlyList<T>, DatasetRows> wrap)
        where TRow : struct
    {
        var warnings = new IssueLog(settings.Limits.MaxIssuesKept);
        var privacy = new PersonalDataGuard(settings.PersonalData, schema.Columns);
        var holder = settings.KeepRows ? schema.NewHolder() : null;
        var makeText = holder?.KeepsStrings ?? false;
        using var ids = new IdSet(ExpectedRows(bytes, drop.Format));
        HeaderMap? map = null;
        CellParser? cells = null;
        var headerOk = false;
        var dataRows = 0;

        try
        {
            while (source.Next())
            {
                if (map is null && DatasetRecognition.LooksLike(drop.Dataset, HeaderTexts(source)) is { } other)
                {
                    // Another return under this one's name: one error that says so, not a missing-column error for each of ours.
                    errors.Add(DatasetRecognition.Issue(drop, other, source.RowNumber));
                    map = HeaderMap.Build(source, schema.Columns, new IssueLog(0), new IssueLog(0));
                    cells = new CellParser(source, map, errors, warnings, settings.Limits, schema.IdColumn, makeText);
                    continue;
                }

                if (map is null)
                {
                    map = HeaderMap.Build(source, schema.Columns, errors, warnings);
                    cells = new CellParser(source, map, errors, warnings, settings.Limits, schema.IdColumn, makeText);
                    headerOk = errors.Count == 0;
                    continue;
                }

                dataRows++;
                if (!headerOk)
                {
                    continue;
                }

                cells!.BeginRow();

                // The ID's slot in the duplicate set is fetched while the row is checked, from the cell as written (an
                // ID with spaces around it, or the targets' ID, which also holds the month, fetches a slot of no use).
                ids.Prefetch(cells.RawSpan(schema.IdColumn));
                var accepted = schema.Check(cells, out var row);

                // Personal-data guard (docs/privacy.md): every free-text cell, before any row can be kept.
                privacy.Check(source, map, errors, warnings);
                if (!accepted)
                {
                    continue;
                }

                var id = schema.IdOf(cells, row);
                if (!ids.TryAdd(id, source.RowNumber, out var firstRow))
                {
                    var shown = IssueValues.Shorten(id);
                    errors.Add(new ValidationIssue(source.RowNumber, map.HeaderOf(schema.IdColumn), shown, IssueCode.DuplicateId,
                        $"The ID '{shown}' is already used on row {firstRow}. Each row needs its own ID: correct one of them, or delete the repeated row."));
                }
                else
                {
                    holder?.Add(cells, row);
                }
            }
        }

        catch (Exception ex) when (ReadFailure.IsBadContent(ex))
        {
            (holder as IDisposable)?.Dispose();
            errors.Add(ReadFailure.Describe(ex, drop.Format, source.RowNumber));
            return Rejected(drop, source, dataRows, errors, warnings, privacy);
        }

        warnings.AddRange(source.ReadIssues);
        errors.AddRange(source.ReadErrors);
        if (map is null)
        {
            errors.Add(new ValidationIssue(null, null, null, IssueCode.EmptyFile, "The file has no header row and no data: every row is blank. Check you saved the right sheet."));
        }
        else if (dataRows == 0)
        {
            errors.Add(new ValidationIssue(null, null, null, IssueCode.NoDataRows, "The file has a header row but no data rows. Add a row for each item and upload again."));
        }

        if (errors.Count > 0)
        {
            (holder as IDisposable)?.Dispose();
            return Rejected(drop, source, dataRows, errors, warnings, privacy);
        }

        return new DropValidation(new ValidationReport(drop.Dataset, drop.Period, source.SheetName, dataRows, [], privacy.Withhold(warnings.ToList("warning"))), holder is null ? null : wrap(holder.Rows))
        {
            RowMemory = holder as IDisposable,
        };
    }

    private static DropValidation Rejected(DropPath drop, TableReader source, int rows, IssueLog errors, IssueLog warnings, PersonalDataGuard privacy) =>
        DropValidation.Rejected(drop, source.SheetName, rows, privacy.Withhold(errors.ToList("error")), privacy.Withhold(warnings.ToList("warning")));

    private static List<string> HeaderTexts(TableReader header)
    {
        var texts = new List<string>(Math.Min(header.Count, HeaderSuggestion.MaxCandidates));
        for (var i = 0; i < header.Count && texts.Count < HeaderSuggestion.MaxCandidates; i++)
        {
            var text = header.TextOf(i).Trim();
            if (!text.IsEmpty)
            {
                texts.Add(text.ToString());
            }
        }

        return texts;
    }

    /// <summary>
    /// The duplicate-ID set's table is sized once from the file's length (a row takes at least about 64 bytes of CSV or
    /// 32 of compressed workbook), so it seldom doubles; capped, so a large file costs a megabyte up front at most. The
    /// length is the upload's, never a number written in it.
    /// </summary>
    private static int ExpectedRows(long bytes, FileFormat format) => (int)Math.Min(bytes / (format == FileFormat.Csv ? 64 : 32), 256 * 1024);
}

/// <summary>
/// What validation found. <see cref="Data"/> is present only when the drop is valid. Disposing of it gives the memory
/// holding the rows back for the next drop (metrics rows are held in pooled blocks): do it once the rows have been used,
/// as ingestion does after writing the curated data. The rows cannot be read after; a validation never disposed of is
/// collected as usual.
/// </summary>
public sealed record DropValidation(ValidationReport Report, DatasetRows? Data) : IDisposable
{
    public bool Valid => Report.Valid;

    /// <summary>What holds the rows in pooled memory, when anything does.</summary>
    internal IDisposable? RowMemory { get; init; }

    public void Dispose() => RowMemory?.Dispose();

    internal static DropValidation Rejected(DropPath drop, string? sheet, int rows, IReadOnlyList<ValidationIssue> errors, IReadOnlyList<ValidationIssue> warnings) =>
        new(new ValidationReport(drop.Dataset, drop.Period, sheet, rows, errors, warnings), null);
}

public sealed record ValidationReport(
    Dataset Dataset,
    Periods.ReportingPeriod Period,
    string? Sheet,
    int Rows,
    IReadOnlyList<ValidationIssue> Errors,
    IReadOnlyList<ValidationIssue> Warnings)
{
    public bool Valid => Errors.Count == 0;

    /// <summary>The dataset the file looks like when it is another return uploaded under this one's name; null otherwise.</summary>
    public Dataset? LooksLike => Errors.FirstOrDefault(e => e.Code == IssueCode.WrongDataset)?.Value is { } slug && DatasetNames.TryParse(slug, out var other) ? other : null;
}

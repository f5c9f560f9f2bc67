using SendFunctions.Core.Actions;
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

/// <summary>Validates one drop against DATA-CONTRACT.md sections 2-3. Reads the stream once per pass; never throws for bad content.</summary>
public static class DropValidator
{
    public static DropValidation Validate(DropPath drop, Stream content, ValidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(settings);
        var opened = TableSource.Open(content, drop.Format, drop.Dataset, settings.Limits);
        if (opened.Source is null)
        {
            return DropValidation.Rejected(drop, null, 0, [opened.Error!], []);
        }

        using var source = opened.Source;
        var errors = new List<ValidationIssue>();
        var context = new DropContext(drop.Period, settings.Deadline, () => errors.Count);
        return drop.Dataset switch
        {
            Dataset.Milestones => Run(drop, source, new MilestoneSchema(context), errors, settings, rows => new MilestoneRows(rows)),
            Dataset.Metrics => Run(drop, source, new MetricSchema(context), errors, settings, rows => new MetricRows(rows)),
            Dataset.Actions => Run(drop, source, new ActionSchema(context), errors, settings, rows => new ActionRows(rows)),
            _ => throw new ArgumentOutOfRangeException(nameof(drop)),
        };
    }

    private static DropValidation Run<T>(
        DropPath drop, ITableSource source, IDatasetSchema<T> schema, List<ValidationIssue> errors, ValidationSettings settings, Func<IReadOnlyList<T>, DatasetRows> wrap)
    {
        var keepRows = settings.KeepRows;
        var privacy = new PersonalDataGuard(settings.PersonalData, schema.Columns);
        var warnings = new List<ValidationIssue>();
        var records = new List<T>();
        var firstRowOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        HeaderMap? map = null;
        var headerOk = false;
        var dataRows = 0;

        foreach (var row in source.ReadRows())
        {
            if (map is null)
            {
                map = HeaderMap.Build(row, schema.Columns, errors, warnings);
                headerOk = errors.Count == 0;
                continue;
            }

            dataRows++;
            if (!headerOk)
            {
                continue;
            }

            var record = schema.Read(new CellParser(row, map, errors, warnings));

            // Personal-data guard (docs/privacy.md): every free-text cell, before any row can be kept.
            privacy.Check(row, map, errors, warnings);
            if (record is null)
            {
                continue;
            }

            var id = schema.IdOf(record);
            if (firstRowOfId.TryGetValue(id, out var firstRow))
            {
                errors.Add(new ValidationIssue(row.Number, map.HeaderOf(schema.IdColumn), id, IssueCode.DuplicateId,
                    $"The ID '{id}' is already used on row {firstRow}. Each row needs its own ID: correct one of them, or delete the repeated row."));
            }
            else
            {
                firstRowOfId[id] = row.Number;
                if (keepRows)
                {
                    records.Add(record);
                }
            }
        }

        warnings.AddRange(source.ReadIssues);
        privacy.Withhold(errors);
        privacy.Withhold(warnings);
        if (map is null)
        {
            errors.Add(new ValidationIssue(null, null, null, IssueCode.EmptyFile, "The file has no header row and no data: every row is blank. Check you saved the right sheet."));
        }
        else if (dataRows == 0)
        {
            errors.Add(new ValidationIssue(null, null, null, IssueCode.NoDataRows, "The file has a header row but no data rows. Add a row for each item and upload again."));
        }

        return errors.Count == 0
            ? new DropValidation(ReportFor(drop, source, dataRows, errors, warnings), keepRows ? wrap(records) : null)
            : DropValidation.Rejected(drop, source.SheetName, dataRows, errors, warnings);
    }

    private static ValidationReport ReportFor(DropPath drop, ITableSource source, int rows, List<ValidationIssue> errors, List<ValidationIssue> warnings) =>
        new(drop.Dataset, drop.Period, source.SheetName, rows, errors, warnings);
}

/// <summary>What validation found. <see cref="Data"/> is present only when the drop is valid.</summary>
public sealed record DropValidation(ValidationReport Report, DatasetRows? Data)
{
    public bool Valid => Report.Valid;

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
}

/// <summary>The accepted rows of one drop, typed by dataset.</summary>
public abstract record DatasetRows
{
    public abstract int Count { get; }
}

public sealed record MilestoneRows(IReadOnlyList<Milestone> Items) : DatasetRows
{
    public override int Count => Items.Count;
}

public sealed record MetricRows(IReadOnlyList<MetricReading> Items) : DatasetRows
{
    public override int Count => Items.Count;
}

public sealed record ActionRows(IReadOnlyList<ActionItem> Items) : DatasetRows
{
    public override int Count => Items.Count;
}

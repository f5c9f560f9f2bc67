using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// One dataset's template: its columns (the schema's own, in the contract's order) and how last month's accepted rows are
/// carried forward: what identifies and describes a row is kept; what the owner reports afresh each month is left blank.
/// </summary>
internal abstract class TemplateLayout
{
    public abstract Dataset Dataset { get; }

    public abstract IReadOnlyList<TemplateColumn> Columns { get; }

    /// <summary>What the owner fills in, for the instructions sheet.</summary>
    public abstract IReadOnlyList<string> WhatToFill(ReportingPeriod period);

    /// <summary>The carried rows, one value per column (a default value is an empty cell).</summary>
    public abstract IReadOnlyList<IReadOnlyList<WorkbookValue>> Carry(DatasetRows previous);

    public static TemplateLayout For(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => new MilestoneTemplate(),
        Dataset.Metrics => new MetricTemplate(),
        Dataset.Actions => new ActionTemplate(),
        Dataset.Updates => new UpdateTemplate(),
        Dataset.Decisions => new DecisionTemplate(),
        Dataset.Risks => new RiskTemplate(),
        Dataset.Targets => new TargetTemplate(),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    /// <summary>Every column of the schema, in its order; those not named in <paramref name="kinds"/> are short text.</summary>
    protected static IReadOnlyList<TemplateColumn> From(IReadOnlyList<ColumnSpec> spec, params (string Name, ColumnKind Kind, IReadOnlyList<string>? Choices)[] kinds)
    {
        foreach (var (name, _, _) in kinds)
        {
            if (!spec.Any(c => c.Name == name))
            {
                throw new ArgumentException($"'{name}' is not a column of the dataset.", nameof(kinds));
            }
        }

        return spec.Select(c => kinds.FirstOrDefault(k => k.Name == c.Name) is { Name: not null } k
            ? new TemplateColumn(c, k.Kind, k.Choices ?? [])
            : new TemplateColumn(c, ColumnKind.Text, [])).ToList();
    }

    protected static WorkbookValue Text(string? text) => text is null ? default : (WorkbookValue)text;

    protected static WorkbookValue Date(DateOnly? date) => date is { } d ? WorkbookValue.Of(d) : default;

    protected static WorkbookValue Number(decimal? number) => number is { } n ? WorkbookValue.Of((double)n) : default;
}

/// <summary>A layout whose rows are <typeparamref name="T"/>: each row named column by column.</summary>
internal abstract class TemplateLayout<T> : TemplateLayout
{
    public sealed override IReadOnlyList<IReadOnlyList<WorkbookValue>> Carry(DatasetRows previous) =>
        previous is DatasetRows<T> rows
            ? rows.Items.Select(item => (IReadOnlyList<WorkbookValue>)Order(Row(item))).ToList()
            : throw new ArgumentException($"The rows are not {Dataset.ToSlug()}.", nameof(previous));

    /// <summary>The carried values by column name; a column not named is left empty.</summary>
    protected abstract IReadOnlyDictionary<string, WorkbookValue> Row(T item);

    private WorkbookValue[] Order(IReadOnlyDictionary<string, WorkbookValue> values)
    {
        foreach (var name in values.Keys)
        {
            if (!Columns.Any(c => c.Name == name))
            {
                throw new InvalidOperationException($"'{name}' is not a column of the {Dataset.ToSlug()} template.");
            }
        }

        return Columns.Select(c => values.GetValueOrDefault(c.Name)).ToArray();
    }
}

using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Metrics;

/// <summary>The targets drop (docs/data-contract-board-business.md): a metric's target from a month on, its trajectory.</summary>
internal sealed class TargetSchema(DropContext context) : IDatasetSchema<MetricTarget>
{
    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("MetricId", "Metric", "ID", "Ref"),
        new("Period", true, "Month", "From", "Target Month", "From Month"),
        new("Target", true, "Target Value", "Trajectory"),
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "MetricId";

    /// <summary>A metric has one target per month: the pair is the row's identity.</summary>
    public string IdOf(MetricTarget record) => $"{record.MetricId} {record.Period}";

    public MetricTarget? Read(CellParser cells)
    {
        var errorsBefore = context.ErrorCount();
        var id = cells.RequiredText("MetricId");
        var period = PeriodCell.Read(cells, "Period", "Write the month the target applies from as yyyy-MM, for example 2025-04.");
        if (period is null && cells.RawText("Period").Length == 0 && cells.RawCell("Period").IsBlank)
        {
            cells.RequiredText("Period");
        }

        var target = cells.Number("Target", required: true);
        return context.ErrorCount() > errorsBefore || period is null || target is null ? null : new MetricTarget(id, period.Value, target.Value);
    }
}

using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Metrics;

/// <summary>The targets drop (docs/data-contract-board-business.md): a metric's target from a month on, its trajectory.</summary>
internal sealed class TargetSchema(DropContext context) : IDatasetSchema<TargetSchema.Row, MetricTarget>
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
    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => $"{cells.TextSpan("MetricId")} {row.Period}";

    public MetricTarget Build(CellParser cells, in Row row) => new(cells.Text("MetricId"), row.Period, row.Target);

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("MetricId");
        var period = PeriodCell.Read(cells, "Period", "Write the month the target applies from as yyyy-MM, for example 2025-04.");
        if (period is null && cells.RawText("Period").Length == 0 && cells.RawCell("Period").IsBlank)
        {
            cells.CheckRequiredText("Period");
        }

        var target = cells.Number("Target", required: true);
        if (context.ErrorCount() > errorsBefore || period is null || target is null)
        {
            return false;
        }

        row = new Row(period.Value, target.Value);
        return true;
    }

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(Periods.ReportingPeriod Period, decimal Target);
}

using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Measures carry their ID, name, area, unit, polarity, target and baseline; Value, DataPeriod and Commentary are this
/// month's and left blank. A % measure's numbers are percentage cells (0.37 shown as 37%, read as 37), so an owner typing
/// 37 in Excel enters 37%.
/// </summary>
internal sealed class MetricTemplate : TemplateLayout<MetricReading>
{
    public override Dataset Dataset => Dataset.Metrics;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        MetricSchema.Spec,
        ("Metric", ColumnKind.Prose, null),
        ("Unit", ColumnKind.Choice, ContractWords.All<MetricUnit>(ContractWords.Of)),
        ("Polarity", ColumnKind.Choice, ContractWords.All<Polarity>(ContractWords.Of)),
        ("Value", ColumnKind.Number, null),
        ("DataPeriod", ColumnKind.Month, null),
        ("Target", ColumnKind.Number, null),
        ("Baseline", ColumnKind.Number, null),
        ("Commentary", ColumnKind.Prose, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        "For each measure: Value, the latest figure (for a % measure type 37 for 37 per cent).",
        $"DataPeriod: the month the figure describes, written yyyy-MM; leave it empty when that is {period} itself.",
        "Commentary: a few words on the measure, printed beside the table. Target and Baseline are last month's: change them only if they have changed.",
        "Add a row for each new measure, with its Unit (%, count, weeks, days, number or £) and Polarity (higher or lower is better).",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(MetricReading item)
    {
        var percent = item.Unit == MetricUnit.Percent;
        return new Dictionary<string, WorkbookValue>
        {
            ["MetricId"] = Text(item.Id),
            ["Metric"] = Text(item.Name),
            ["Area"] = Text(item.Area),
            ["Unit"] = Text(ContractWords.Of(item.Unit)),
            ["Polarity"] = Text(ContractWords.Of(item.Polarity)),
            ["Value"] = percent ? Percent(null) : default,
            ["Target"] = percent ? Percent(item.Target) : Number(item.Target),
            ["Baseline"] = percent ? Percent(item.Baseline) : Number(item.Baseline),
        };
    }

    /// <summary>A percentage cell holding the fraction (37 is 0.37); empty but formatted when there is no value.</summary>
    private static WorkbookValue Percent(decimal? points) =>
        points is { } p ? WorkbookValue.Percent((double)(p / 100m)) : new WorkbookValue(null, null, false, true);
}

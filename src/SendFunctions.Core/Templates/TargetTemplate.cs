using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// A trajectory is not re-sent each month, only changed: every target is carried whole and nothing is left blank. The
/// month is written as text yyyy-MM so Excel keeps it as typed.
/// </summary>
internal sealed class TargetTemplate : TemplateLayout<MetricTarget>
{
    public override Dataset Dataset => Dataset.Targets;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        TargetSchema.Spec,
        ("Period", ColumnKind.Month, null),
        ("Target", ColumnKind.Number, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        "The targets as last accepted: change a Target where the trajectory has changed, and add a row for each new month or measure (a month may be in the future).",
        "Period is the month a target applies from, written yyyy-MM. A measure has one target per month.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(MetricTarget item) => new Dictionary<string, WorkbookValue>
    {
        ["MetricId"] = Text(item.MetricId),
        ["Period"] = Text(item.Period.ToString()),
        ["Target"] = Number(item.Target),
    };
}

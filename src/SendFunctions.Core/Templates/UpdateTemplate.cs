using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>Each workstream and its lead are carried; the month's words (progress, next steps, escalations, highlights) are all the owner's and left blank.</summary>
internal sealed class UpdateTemplate : TemplateLayout<SubgroupUpdate>
{
    public override Dataset Dataset => Dataset.Updates;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        UpdateSchema.Spec,
        ("ProgressSinceLastMeeting", ColumnKind.Prose, null),
        ("NextSteps", ColumnKind.Prose, null),
        ("Escalations", ColumnKind.Prose, null),
        ("Highlights", ColumnKind.Prose, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        $"For each workstream or subgroup: ProgressSinceLastMeeting and NextSteps (both required) for {period.ToLongName()}; Escalations (what the Board is asked to decide) and Highlights when there are any.",
        "Each line of a cell (Alt+Enter) is printed as a point of its own. Add a row for a new subgroup.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(SubgroupUpdate item) => new Dictionary<string, WorkbookValue>
    {
        ["Workstream"] = Text(item.Workstream),
        ["Lead"] = Text(item.Lead),
    };
}

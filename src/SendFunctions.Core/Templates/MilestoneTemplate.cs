using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Milestones carry their ID, workstream, wording, owner, due and revised dates. This month's Status, AtRisk and Commentary
/// are left blank; a milestone already complete is carried whole (Status Complete and its date), as there is nothing to update.
/// </summary>
internal sealed class MilestoneTemplate : TemplateLayout<Milestone>
{
    public override Dataset Dataset => Dataset.Milestones;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        MilestoneSchema.Spec,
        ("Milestone", ColumnKind.Prose, null),
        ("DueDate", ColumnKind.Date, null),
        ("RevisedDueDate", ColumnKind.Date, null),
        ("CompletedDate", ColumnKind.Date, null),
        ("Status", ColumnKind.Choice, ContractWords.All<ReportedStatus>(ContractWords.Of)),
        ("AtRisk", ColumnKind.Choice, ContractWords.YesNo),
        ("Commentary", ColumnKind.Prose, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        $"For each milestone: its Status at the end of {period.ToLongName()}, AtRisk (Yes or No) and a Commentary (say why, and what happens next, for any milestone that is late or at risk).",
        "RevisedDueDate: change it when the forecast date has moved. CompletedDate: the day it was done, with Status Complete (not after the end of the month).",
        "Milestones already complete are carried as they were. Add a row for each new milestone.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(Milestone item)
    {
        var row = new Dictionary<string, WorkbookValue>
        {
            ["MilestoneId"] = Text(item.Id),
            ["Workstream"] = Text(item.Workstream),
            ["Milestone"] = Text(item.Title),
            ["Owner"] = Text(item.Owner),
            ["DueDate"] = Date(item.Due),
            ["RevisedDueDate"] = Date(item.Revised),
        };
        if (item.Completed is { } done)
        {
            row["CompletedDate"] = Date(done);
            row["Status"] = Text(ContractWords.Of(ReportedStatus.Complete));
        }

        return row;
    }
}

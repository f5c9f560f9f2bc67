using SendFunctions.Core.Actions;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Actions carry their ID, wording, owner, meeting and due dates. An open action's Status (required) is left blank, so the
/// log cannot go back unread; a closed action is carried whole with its closed date.
/// </summary>
internal sealed class ActionTemplate : TemplateLayout<ActionItem>
{
    public override Dataset Dataset => Dataset.Actions;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        ActionSchema.Spec,
        ("Action", ColumnKind.Prose, null),
        ("RaisedOn", ColumnKind.Date, null),
        ("DueDate", ColumnKind.Date, null),
        ("Status", ColumnKind.Choice, ContractWords.All<ActionState>()),
        ("ClosedDate", ColumnKind.Date, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        $"For each open action: its Status at the end of {period.ToLongName()}, Open or Closed, and for a closed one the ClosedDate.",
        "Closed actions are carried as they were. Add a row for each action agreed at this month's meetings.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(ActionItem item)
    {
        var row = new Dictionary<string, WorkbookValue>
        {
            ["ActionId"] = Text(item.Id),
            ["Action"] = Text(item.Description),
            ["Owner"] = Text(item.Owner),
            ["RaisedOn"] = Date(item.RaisedOn),
            ["DueDate"] = Date(item.Due),
        };
        if (item.Status == ActionState.Closed)
        {
            row["Status"] = Text(ContractWords.Of(ActionState.Closed));
            row["ClosedDate"] = Date(item.Closed);
        }

        return row;
    }
}

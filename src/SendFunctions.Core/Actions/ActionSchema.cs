using System.Globalization;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Actions;

/// <summary>The actions drop (DATA-CONTRACT.md section 3) and the checks on each row.</summary>
internal sealed class ActionSchema(DropContext context) : IDatasetSchema<ActionItem>
{
    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("ActionId", "Action", "ID", "Ref"),
        new("Action", true, "Description") { FreeText = true },
        new("Owner", true, "Lead"),
        new("RaisedOn", true, "Meeting", "Meeting Date"),
        new("DueDate", true, "Due"),
        new("Status", true),
        new("ClosedDate", false, "Closed"),
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "ActionId";

    public string IdOf(ActionItem record) => record.Id;

    public ActionItem? Read(CellParser cells)
    {
        var errorsBefore = context.ErrorCount();
        var id = cells.RequiredText("ActionId");
        var description = cells.RequiredText("Action");
        var owner = cells.RequiredText("Owner");
        var raised = cells.Date("RaisedOn", required: true);
        var due = cells.Date("DueDate", required: true);
        var status = ReadStatus(cells);
        var closed = cells.Date("ClosedDate", required: false);

        if (status == ActionState.Closed && closed is null && cells.RawText("ClosedDate").Length == 0)
        {
            cells.Error("ClosedDate", string.Empty, IssueCode.ClosedWithoutDate, "The action is Closed but has no closed date. Enter the date it was closed.");
        }

        if (closed is { } date && date > context.Period.AsOf)
        {
            cells.Error("ClosedDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IssueCode.ClosedAfterAsOf,
                $"The closed date is after the end of the reporting month ({context.Period.AsOf:yyyy-MM-dd}). Correct the date.");
        }

        if (context.ErrorCount() > errorsBefore || raised is null || due is null || status is null)
        {
            return null;
        }

        return new ActionItem(id, description, owner, raised.Value, due.Value, status.Value, closed);
    }

    private static ActionState? ReadStatus(CellParser cells)
    {
        var text = cells.RawText("Status");
        if (text.Length == 0)
        {
            cells.RequiredText("Status");
            return null;
        }

        switch (cells.Key("Status"))
        {
            case "open":
                return ActionState.Open;
            case "closed":
                return ActionState.Closed;
            default:
                cells.Error("Status", text, IssueCode.BadChoice, "The status must be Open or Closed.");
                return null;
        }
    }
}

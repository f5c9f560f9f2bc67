using System.Globalization;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Actions;

/// <summary>The actions drop (DATA-CONTRACT.md section 3) and the checks on each row.</summary>
internal sealed class ActionSchema(DropContext context) : IDatasetSchema<ActionSchema.Row, ActionItem>
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

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("ActionId");

    public ActionItem Build(CellParser cells, in Row row) =>
        new(cells.Text("ActionId"), cells.Text("Action"), cells.Text("Owner"), row.Raised, row.Due, row.Status, row.Closed);

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("ActionId");
        cells.CheckRequiredText("Action");
        cells.CheckRequiredText("Owner");
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
            return false;
        }

        row = new Row(raised.Value, due.Value, status.Value, closed);
        return true;
    }

    private static ActionState? ReadStatus(CellParser cells)
    {
        var text = cells.RawText("Status");
        if (text.Length == 0)
        {
            cells.CheckRequiredText("Status");
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

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(DateOnly Raised, DateOnly Due, ActionState Status, DateOnly? Closed);
}

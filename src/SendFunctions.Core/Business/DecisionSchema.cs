using System.Globalization;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Business;

/// <summary>The decisions drop (docs/data-contract-board-business.md) and the checks on each row.</summary>
internal sealed class DecisionSchema(DropContext context) : IDatasetSchema<DecisionSchema.Row, BoardDecision>
{
    public const int MaxIdLength = 32;
    public const int MaxTextLength = 4000;

    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("DecisionId", "Decision", "ID", "Ref"),
        new("MeetingDate", true, "Meeting", "Date Of Meeting", "Meeting Date"),
        new("Type", true, "Decision Type", "Kind"),
        new("Text", true, "Decision", "Description", "Resolution", "Details") { FreeText = true },
        new("Owner", false, "Lead", "Report Owner"),
        new("DueMeeting", false, "Due", "Due Date", "Report Back Date", "Due At Meeting", "Coming Back"),
        new("Status", false),
        new("DoneDate", false, "Done", "Date Done", "Completed", "Reported On"),
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "DecisionId";

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("DecisionId");

    public BoardDecision Build(CellParser cells, in Row row)
    {
        var owner = cells.Text("Owner");
        return new BoardDecision(cells.Text("DecisionId"), row.Meeting, row.Type, cells.Text("Text"), owner.Length == 0 ? null : owner, row.DueMeeting, row.Status, row.Done);
    }

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("DecisionId", MaxIdLength);
        var meeting = cells.Date("MeetingDate", required: true);
        var type = ReadType(cells);
        cells.CheckRequiredText("Text", MaxTextLength);
        cells.CheckText("Owner");
        var dueMeeting = cells.Date("DueMeeting", required: false);
        var status = ReadStatus(cells);
        var done = cells.Date("DoneDate", required: false);

        if (meeting is { } held && held > context.Period.AsOf)
        {
            cells.Error("MeetingDate", Iso(held), IssueCode.MeetingAfterAsOf,
                $"The meeting date is after the end of the reporting month ({Iso(context.Period.AsOf)}). Record a decision in the return for the month of the meeting, or correct the date.");
        }

        if (type == DecisionType.ReportBack && dueMeeting is null && cells.RawText("DueMeeting").Length == 0)
        {
            cells.Error("DueMeeting", string.Empty, IssueCode.ReportBackWithoutDueMeeting,
                "A report-back needs the date of the meeting it is due at. Enter that meeting's date.");
        }

        if (dueMeeting is { } due && meeting is { } asked && due < asked)
        {
            cells.Error("DueMeeting", Iso(due), IssueCode.DueBeforeMeeting,
                "The report is due before the meeting that asked for it. Correct the due meeting or the meeting date.");
        }

        if (status == DecisionState.Done && done is null && cells.RawText("DoneDate").Length == 0)
        {
            cells.Error("DoneDate", string.Empty, IssueCode.ClosedWithoutDate, "The entry is Done but has no done date. Enter the date it was done or the report came back.");
        }

        if (done is { } doneOn && status != DecisionState.Done && cells.RawText("Status").Length > 0)
        {
            cells.Error("DoneDate", Iso(doneOn), IssueCode.DateWithoutComplete, $"There is a done date but the status is '{cells.RawText("Status")}'. Set the status to Done, or clear the date.");
        }

        if (done is { } date && date > context.Period.AsOf)
        {
            cells.Error("DoneDate", Iso(date), IssueCode.ClosedAfterAsOf,
                $"The done date is after the end of the reporting month ({Iso(context.Period.AsOf)}). Correct the date.");
        }

        if (context.ErrorCount() > errorsBefore || meeting is null || type is null)
        {
            return false;
        }

        // An empty status is Open, unless a done date says it is done.
        var state = status ?? (done is null ? DecisionState.Open : DecisionState.Done);
        row = new Row(meeting.Value, type.Value, dueMeeting, state, done);
        return true;
    }

    private static DecisionType? ReadType(CellParser cells)
    {
        var text = cells.RawText("Type");
        if (text.Length == 0)
        {
            cells.CheckRequiredText("Type");
            return null;
        }

        switch (cells.Key("Type"))
        {
            case "decision" or "agreed":
                return DecisionType.Decision;
            case "resolution" or "resolved":
                return DecisionType.Resolution;
            case "reportback" or "report":
                return DecisionType.ReportBack;
            default:
                cells.Error("Type", text, IssueCode.BadChoice, "The type must be Decision, Resolution or ReportBack (a report the Board asked to come back).");
                return null;
        }
    }

    private static DecisionState? ReadStatus(CellParser cells)
    {
        if (cells.RawText("Status").Length == 0)
        {
            return null;
        }

        switch (cells.Key("Status"))
        {
            case "open":
                return DecisionState.Open;
            case "done" or "closed" or "complete" or "completed":
                return DecisionState.Done;
            default:
                cells.Error("Status", cells.RawText("Status"), IssueCode.BadChoice, "The status must be Open or Done (or empty for Open).");
                return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(DateOnly Meeting, DecisionType Type, DateOnly? DueMeeting, DecisionState Status, DateOnly? Done);
}

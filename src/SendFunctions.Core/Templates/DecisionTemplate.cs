using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Decisions carry everything the Board recorded (ID, meeting, type, wording, owner, due meeting). An open entry's Status
/// and DoneDate are left blank (empty reads as Open); one already done is carried whole.
/// </summary>
internal sealed class DecisionTemplate : TemplateLayout<BoardDecision>
{
    public override Dataset Dataset => Dataset.Decisions;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        DecisionSchema.Spec,
        ("MeetingDate", ColumnKind.Date, null),
        ("Type", ColumnKind.Choice, ContractWords.All<DecisionType>()),
        ("Text", ColumnKind.Prose, null),
        ("DueMeeting", ColumnKind.Date, null),
        ("Status", ColumnKind.Choice, ContractWords.All<DecisionState>()),
        ("DoneDate", ColumnKind.Date, null));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        $"Add a row for each decision, resolution and report asked to come back at the meetings in {period.ToLongName()}; a ReportBack needs its DueMeeting.",
        "For each open entry: Status Done and the DoneDate once it is done or the report has come back; leave Status empty while it is open.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(BoardDecision item)
    {
        var row = new Dictionary<string, WorkbookValue>
        {
            ["DecisionId"] = Text(item.Id),
            ["MeetingDate"] = Date(item.MeetingDate),
            ["Type"] = Text(ContractWords.Of(item.Type)),
            ["Text"] = Text(item.Text),
            ["Owner"] = Text(item.Owner),
            ["DueMeeting"] = Date(item.DueMeeting),
        };
        if (item.Status == DecisionState.Done)
        {
            row["Status"] = Text(ContractWords.Of(DecisionState.Done));
            row["DoneDate"] = Date(item.DoneDate);
        }

        return row;
    }
}

using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Business;

/// <summary>The updates drop (docs/data-contract-board-business.md): one row per workstream or subgroup.</summary>
internal sealed class UpdateSchema(DropContext context) : IDatasetSchema<SubgroupUpdate>
{
    public const int MaxNameLength = 200;

    /// <summary>The same limit as a milestone's commentary: the Board reads every word.</summary>
    public const int MaxTextLength = 4000;

    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("Workstream", "Workstream", "Subgroup", "Group", "Workstream Name", "Subgroup Name"),
        new("Lead", true, "Chair", "Owner", "Subgroup Lead"),
        new("ProgressSinceLastMeeting", true, "Progress", "Progress Made", "Progress Since Last Meeting", "Progress Made Since Last Meeting") { FreeText = true },
        new("NextSteps", true, "Next Steps", "Next Steps For The Month Ahead", "Month Ahead") { FreeText = true },
        new("Escalations", false, "Escalated", "Issues Escalated", "Escalations To The Board", "Any Issues Escalated") { FreeText = true },
        new("Highlights", false, "Key Highlights", "Highlight") { FreeText = true },
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "Workstream";

    public string IdOf(SubgroupUpdate record) => record.Workstream;

    public SubgroupUpdate? Read(CellParser cells)
    {
        var errorsBefore = context.ErrorCount();
        var workstream = cells.RequiredText("Workstream", MaxNameLength);
        var lead = cells.RequiredText("Lead", MaxNameLength);
        var progress = cells.RequiredText("ProgressSinceLastMeeting", MaxTextLength);
        var next = cells.RequiredText("NextSteps", MaxTextLength);
        var escalations = cells.Text("Escalations", MaxTextLength);
        var highlights = cells.Text("Highlights", MaxTextLength);
        return context.ErrorCount() > errorsBefore
            ? null
            : new SubgroupUpdate(workstream, lead, progress, next, NullIfEmpty(escalations), NullIfEmpty(highlights));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

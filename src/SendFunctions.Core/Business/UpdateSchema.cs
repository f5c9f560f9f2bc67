using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Business;

/// <summary>The updates drop (docs/data-contract-board-business.md): one row per workstream or subgroup.</summary>
internal sealed class UpdateSchema(DropContext context) : IDatasetSchema<UpdateSchema.Row, SubgroupUpdate>
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

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("Workstream");

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("Workstream", MaxNameLength);
        cells.CheckRequiredText("Lead", MaxNameLength);
        cells.CheckRequiredText("ProgressSinceLastMeeting", MaxTextLength);
        cells.CheckRequiredText("NextSteps", MaxTextLength);
        cells.CheckText("Escalations", MaxTextLength);
        cells.CheckText("Highlights", MaxTextLength);
        return context.ErrorCount() == errorsBefore;
    }

    public SubgroupUpdate Build(CellParser cells, in Row row) =>
        new(cells.Text("Workstream"), cells.Text("Lead"), cells.Text("ProgressSinceLastMeeting"), cells.Text("NextSteps"),
            NullIfEmpty(cells.Text("Escalations")), NullIfEmpty(cells.Text("Highlights")));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>An update's row has no values besides its text.</summary>
    internal readonly record struct Row;
}

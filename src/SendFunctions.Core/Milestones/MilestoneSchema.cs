using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Milestones;

/// <summary>The milestones drop (DATA-CONTRACT.md section 3) and the checks on each row.</summary>
internal sealed class MilestoneSchema(DropContext context) : IDatasetSchema<MilestoneSchema.Row, Milestone>
{
    public const int MaxIdLength = 32;
    public const int MaxTitleLength = 2000;
    public const int MaxCommentaryLength = 4000;

    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("MilestoneId", "Milestone", "ID", "Ref"),
        new("Workstream", true, "Area", "WSoA Area"),
        new("Milestone", true, "Description", "Action") { FreeText = true },
        new("Owner", true, "Lead"),
        new("DueDate", true, "Due", "Due Date", "Target Date", "Original Due Date"),
        new("RevisedDueDate", false, "Revised Date", "Forecast Date", "Revised Due Date"),
        new("CompletedDate", false, "Completed", "Completion Date", "Date Completed"),
        new("Status", false, "Reported Status"),
        new("AtRisk", false, "At Risk", "Risk"),
        new("Commentary", false, "Comments", "Update", "Progress Update") { FreeText = true },
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "MilestoneId";

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("MilestoneId");

    public Milestone Build(CellParser cells, in Row row) =>
        new(cells.Text("MilestoneId"), cells.Text("Workstream"), cells.Text("Milestone"), cells.Text("Owner"), row.Due, row.Revised, row.Completed, row.Status, row.AtRisk, cells.Text("Commentary"));

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("MilestoneId", MaxIdLength);
        cells.CheckRequiredText("Workstream");
        cells.CheckRequiredText("Milestone", MaxTitleLength);
        cells.CheckRequiredText("Owner");
        var due = cells.Date("DueDate", required: true);
        var revised = cells.Date("RevisedDueDate", required: false);
        var completed = cells.Date("CompletedDate", required: false);
        var status = ReadStatus(cells);
        var atRisk = cells.Boolean("AtRisk");
        var commentary = cells.CheckText("Commentary", MaxCommentaryLength);

        if (completed is { } done && done > context.Period.AsOf)
        {
            cells.Error("CompletedDate", Iso(done), IssueCode.CompletedAfterAsOf,
                $"The completion date is after the end of the reporting month ({Iso(context.Period.AsOf)}). A milestone can only be complete once it has happened: clear the date, or correct it.");
        }

        if (status == ReportedStatus.Complete && completed is null && cells.RawText("CompletedDate").Length == 0)
        {
            cells.Error("Status", cells.RawText("Status"), IssueCode.CompleteWithoutDate,
                "The status is Complete but there is no completion date. Enter the date the milestone was completed.");
        }

        if (completed is not null && status is not null and not ReportedStatus.Complete)
        {
            cells.Error("CompletedDate", Iso(completed.Value), IssueCode.DateWithoutComplete,
                $"There is a completion date but the status is '{cells.RawText("Status")}'. Set the status to Complete, or clear the completion date.");
        }

        if (revised is { } rev && due is { } original && rev < original)
        {
            cells.Warning("RevisedDueDate", Iso(rev), IssueCode.RevisedBeforeDue,
                "The revised date is before the original due date. If the milestone was brought forward this is fine; otherwise check the dates.");
        }

        if (context.ErrorCount() > errorsBefore || due is null)
        {
            return false;
        }

        row = new Row(due.Value, revised, completed, status, atRisk);
        if (commentary == 0)
        {
            // The status is assessed from the dates and flags alone: the text is not made for it.
            var assessed = new Milestone(string.Empty, string.Empty, string.Empty, string.Empty, row.Due, revised, completed, status, atRisk, string.Empty);
            var assessment = MilestoneRules.Assess(assessed, context.Period.AsOf, context.Deadline);
            if (assessment.Status is MilestoneStatus.Delayed or MilestoneStatus.AtRisk)
            {
                cells.Warning("Commentary", string.Empty, IssueCode.NoCommentary,
                    $"This milestone is {MilestoneRules.Describe(assessment.Status)} but has no commentary. Add a short update saying why and what happens next; the Board will ask.");
            }
        }

        return true;
    }

    private static ReportedStatus? ReadStatus(CellParser cells)
    {
        var text = cells.RawText("Status");
        if (text.Length == 0)
        {
            return null;
        }

        switch (cells.Key("Status"))
        {
            case "notstarted":
                return ReportedStatus.NotStarted;
            case "inprogress":
                return ReportedStatus.InProgress;
            case "complete" or "completed":
                return ReportedStatus.Complete;
            case "onhold":
                return ReportedStatus.OnHold;
            default:
                cells.Error("Status", text, IssueCode.BadChoice, "The status must be one of: Not started, In progress, Complete, On hold (or empty).");
                return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(DateOnly Due, DateOnly? Revised, DateOnly? Completed, ReportedStatus? Status, bool AtRisk);
}

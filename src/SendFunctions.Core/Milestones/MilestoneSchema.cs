using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Milestones;

/// <summary>The milestones drop (DATA-CONTRACT.md section 3) and the checks on each row.</summary>
internal sealed class MilestoneSchema(DropContext context) : IDatasetSchema<Milestone>
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

    public string IdOf(Milestone record) => record.Id;

    public Milestone? Read(CellParser cells)
    {
        var errorsBefore = context.ErrorCount();
        var id = cells.RequiredText("MilestoneId", MaxIdLength);
        var workstream = cells.RequiredText("Workstream");
        var title = cells.RequiredText("Milestone", MaxTitleLength);
        var owner = cells.RequiredText("Owner");
        var due = cells.Date("DueDate", required: true);
        var revised = cells.Date("RevisedDueDate", required: false);
        var completed = cells.Date("CompletedDate", required: false);
        var status = ReadStatus(cells);
        var atRisk = cells.Boolean("AtRisk");
        var commentary = cells.Text("Commentary", MaxCommentaryLength);

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
            return null;
        }

        var milestone = new Milestone(id, workstream, title, owner, due.Value, revised, completed, status, atRisk, commentary);
        var assessment = MilestoneRules.Assess(milestone, context.Period.AsOf, context.Deadline);
        if (commentary.Length == 0 && assessment.Status is MilestoneStatus.Delayed or MilestoneStatus.AtRisk)
        {
            cells.Warning("Commentary", string.Empty, IssueCode.NoCommentary,
                $"This milestone is {MilestoneRules.Describe(assessment.Status)} but has no commentary. Add a short update saying why and what happens next; the Board will ask.");
        }

        return milestone;
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
}

using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

/// <summary>The Board's own business (docs/data-contract-board-business.md): updates, decisions, risks, targets and metric commentary, rule by rule.</summary>
public sealed class BoardBusinessContractTests
{
    private const string UpdateHeader = "Workstream,Lead,ProgressSinceLastMeeting,NextSteps,Escalations,Highlights";
    private const string DecisionHeader = "DecisionId,MeetingDate,Type,Text,Owner,DueMeeting,Status,DoneDate";
    private const string RiskHeader = "RiskId,Title,Workstream,Owner,Likelihood,Impact,Score,Mitigation,Trend,Status,Type";
    private const string TargetHeader = "MetricId,Period,Target";

    private static string Update(string workstream = "Continuous Improvement", string progress = "Inductions held for new caseworkers.", string next = "Strategy workshop in February.", string escalations = "") =>
        $"{workstream},Head of SEND,{progress},{next},{escalations},";

    private static string Decision(string id = "D-1", string meeting = "28/01/2025", string type = "ReportBack", string due = "22/04/2025", string status = "Open", string done = "") =>
        $"{id},{meeting},{type},Report on the speech and language model,Head of Commissioning,{due},{status},{done}";

    private static string Risk(string id = "R-1", string likelihood = "4", string impact = "4", string score = "16", string trend = "Up", string status = "Open", string type = "Risk") =>
        $"{id},EHCP timeliness does not recover,EHCP,Assistant Director,{likelihood},{impact},{score},Recovery plan,{trend},{status},{type}";

    [Fact]
    public void Updates_ValidRow_IsReadWithOptionalColumnsNull()
    {
        var result = Drops.ValidateCsv(Dataset.Updates, UpdateHeader, Update());
        Assert.True(result.Valid, Errors(result));
        var update = Assert.Single(((DatasetRows<SubgroupUpdate>)result.Data!).Items);
        Assert.Equal(new SubgroupUpdate("Continuous Improvement", "Head of SEND", "Inductions held for new caseworkers.", "Strategy workshop in February.", null, null), update);
    }

    [Theory]
    [InlineData("Subgroup,Chair,Progress Made Since Last Meeting,Next Steps For The Month Ahead,Any Issues Escalated,Key Highlights")]
    [InlineData("Workstream Ref,Owner,Progress,Next Steps,Issues Escalated,Highlight")]
    public void Updates_Aliases_AreAccepted(string header) =>
        Assert.True(Drops.ValidateCsv(Dataset.Updates, header, Update()).Valid);

    [Theory]
    [InlineData("", "b", "c", "Workstream")]
    [InlineData("a", "", "c", "ProgressSinceLastMeeting")]
    [InlineData("a", "b", "", "NextSteps")]
    public void Updates_RequiredCellEmpty_IsAnError(string workstream, string progress, string next, string column) =>
        AssertSingleError(Dataset.Updates, [UpdateHeader, Update(workstream, progress, next)], IssueCode.RequiredValue, column);

    [Fact]
    public void Updates_TextOverTheLimit_IsAnError() =>
        AssertSingleError(Dataset.Updates, [UpdateHeader, Update(progress: new string('x', 4001))], IssueCode.TooLong, "ProgressSinceLastMeeting");

    [Fact]
    public void Updates_SameWorkstreamTwice_IsADuplicate() =>
        AssertSingleError(Dataset.Updates, [UpdateHeader, Update(), Update()], IssueCode.DuplicateId, "Workstream");

    [Fact]
    public void Updates_PersonalDataInProgress_IsAnErrorWithoutTheValue()
    {
        var error = AssertSingleError(Dataset.Updates, [UpdateHeader, Update(progress: "Spoke to parent on 07700 900123")], IssueCode.PersonalData, "ProgressSinceLastMeeting");
        Assert.DoesNotContain("07700", error.Message + error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Updates_MissingRequiredColumn_RejectsTheWholeFile()
    {
        var result = Drops.ValidateCsv(Dataset.Updates, "Workstream,Lead,Progress", "A,B,C", "D,E,F");
        Assert.False(result.Valid);
        Assert.Null(result.Data);
        Assert.Equal("NextSteps", Assert.Single(result.Report.Errors).Column);
    }

    [Fact]
    public void Decisions_ValidReportBack_IsRead()
    {
        var result = Drops.ValidateCsv(Dataset.Decisions, DecisionHeader, Decision(), Decision(id: "D-2", type: "Decision", due: "", status: ""));
        Assert.True(result.Valid, Errors(result));
        var items = ((DatasetRows<BoardDecision>)result.Data!).Items;
        Assert.Equal(new BoardDecision("D-1", new(2025, 1, 28), DecisionType.ReportBack, "Report on the speech and language model", "Head of Commissioning", new(2025, 4, 22), DecisionState.Open, null), items[0]);
        Assert.Equal(DecisionState.Open, items[1].Status);
        Assert.Null(items[1].DueMeeting);
    }

    [Theory]
    [InlineData("Report back", DecisionType.ReportBack)]
    [InlineData("resolution", DecisionType.Resolution)]
    [InlineData("Decision", DecisionType.Decision)]
    public void Decisions_TypeWords_AreRead(string type, DecisionType expected)
    {
        var result = Drops.ValidateCsv(Dataset.Decisions, DecisionHeader, Decision(type: type));
        Assert.Equal(expected, Assert.Single(((DatasetRows<BoardDecision>)result.Data!).Items).Type);
    }

    [Theory]
    [InlineData("Decision No.,Meeting,Decision Type,Decision,Lead,Report Back Date,Status,Date Done")]
    [InlineData("Decision Ref,Date Of Meeting,Kind,Details,Report Owner,Coming Back,Status,Done")]
    public void Decisions_Aliases_AreAccepted(string header) =>
        Assert.True(Drops.ValidateCsv(Dataset.Decisions, header, Decision()).Valid);

    [Fact]
    public void Decisions_UnknownType_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(type: "Maybe")], IssueCode.BadChoice, "Type");

    [Fact]
    public void Decisions_ReportBackWithoutDueMeeting_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(due: "")], IssueCode.ReportBackWithoutDueMeeting, "DueMeeting");

    [Fact]
    public void Decisions_DueBeforeTheMeetingThatAsked_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(due: "01/01/2025")], IssueCode.DueBeforeMeeting, "DueMeeting");

    [Fact]
    public void Decisions_MeetingAfterTheMonth_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(meeting: "04/02/2025")], IssueCode.MeetingAfterAsOf, "MeetingDate");

    [Fact]
    public void Decisions_DoneWithoutDate_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(status: "Done")], IssueCode.ClosedWithoutDate, "DoneDate");

    [Fact]
    public void Decisions_DoneDateWhileOpen_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(done: "30/01/2025")], IssueCode.DateWithoutComplete, "DoneDate");

    [Fact]
    public void Decisions_DoneDateAfterTheMonth_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(status: "Done", done: "03/02/2025")], IssueCode.ClosedAfterAsOf, "DoneDate");

    [Fact]
    public void Decisions_BadMeetingDate_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(meeting: "01/28/2025")], IssueCode.BadDate, "MeetingDate");

    [Fact]
    public void Decisions_DuplicateId_IsAnError() =>
        AssertSingleError(Dataset.Decisions, [DecisionHeader, Decision(), Decision()], IssueCode.DuplicateId, "DecisionId");

    [Fact]
    public void Risks_ValidRow_IsReadWithScoreComputed()
    {
        var result = Drops.ValidateCsv(Dataset.Risks, RiskHeader, Risk(), Risk(id: "R-2", score: "", trend: "", status: "", type: "Issue"));
        Assert.True(result.Valid, Errors(result));
        var items = ((DatasetRows<RiskEntry>)result.Data!).Items;
        Assert.Equal(16, items[0].Score);
        Assert.Equal(RiskTrend.Up, items[0].Trend);
        Assert.Null(items[1].Trend);
        Assert.Equal(RiskState.Open, items[1].Status);
        Assert.Equal(RiskType.Issue, items[1].Type);
    }

    [Theory]
    [InlineData("Risk ID,Risk Description,Area,Risk Owner,Probability,Severity,Risk Rating,Controls,Direction Of Travel,Status,Risk Or Issue")]
    [InlineData("Risk No.,Risk,Subgroup,Lead,L,I,Rating,Mitigations,Direction,Status,Type")]
    public void Risks_Aliases_AreAccepted(string header) =>
        Assert.True(Drops.ValidateCsv(Dataset.Risks, header, Risk()).Valid);

    [Theory]
    [InlineData("0", "4", "", "Likelihood")]
    [InlineData("6", "4", "", "Likelihood")]
    [InlineData("3", "2.5", "", "Impact")]
    public void Risks_ScaleOutsideOneToFive_IsAnError(string likelihood, string impact, string score, string column) =>
        AssertSingleError(Dataset.Risks, [RiskHeader, Risk(likelihood: likelihood, impact: impact, score: score)], IssueCode.OutOfRange, column);

    [Fact]
    public void Risks_ScoreNotLikelihoodTimesImpact_IsAnErrorGivingTheProduct()
    {
        var error = AssertSingleError(Dataset.Risks, [RiskHeader, Risk(score: "15")], IssueCode.ScoreMismatch, "Score");
        Assert.Contains("4 x 4 = 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sideways", "", "", "Trend")]
    [InlineData("Up", "Pending", "", "Status")]
    [InlineData("Up", "Open", "Opportunity", "Type")]
    public void Risks_UnknownChoice_IsAnError(string trend, string status, string type, string column) =>
        AssertSingleError(Dataset.Risks, [RiskHeader, Risk(trend: trend, status: status, type: type)], IssueCode.BadChoice, column);

    [Fact]
    public void Risks_LikelihoodEmpty_IsAnError() =>
        AssertSingleError(Dataset.Risks, [RiskHeader, Risk(likelihood: "", score: "")], IssueCode.RequiredValue, "Likelihood");

    [Fact]
    public void Targets_Trajectory_IsReadPerMonth()
    {
        var result = Drops.ValidateCsv(Dataset.Targets, TargetHeader, "EHCP20,2025-01,45", "EHCP20,Apr 2025,50", "EHCP20,01/07/2025,58");
        Assert.True(result.Valid, Errors(result));
        Assert.Equal(
            [new MetricTarget("EHCP20", ReportingPeriod.Of(2025, 1), 45), new("EHCP20", ReportingPeriod.Of(2025, 4), 50), new("EHCP20", ReportingPeriod.Of(2025, 7), 58)],
            ((DatasetRows<MetricTarget>)result.Data!).Items);
    }

    [Fact]
    public void Targets_Aliases_AreAccepted() =>
        Assert.True(Drops.ValidateCsv(Dataset.Targets, "Metric Ref,Month,Target Value", "EHCP20,2025-04,50").Valid);

    [Fact]
    public void Targets_SameMetricAndMonthTwice_IsADuplicate() =>
        AssertSingleError(Dataset.Targets, [TargetHeader, "EHCP20,2025-04,50", "EHCP20,2025-04,52"], IssueCode.DuplicateId, "MetricId");

    [Theory]
    [InlineData("EHCP20,Spring,50", IssueCode.BadPeriod, "Period")]
    [InlineData("EHCP20,,50", IssueCode.RequiredValue, "Period")]
    [InlineData("EHCP20,2025-04,lots", IssueCode.BadNumber, "Target")]
    [InlineData(",2025-04,50", IssueCode.RequiredValue, "MetricId")]
    public void Targets_BadRow_IsAnError(string row, IssueCode code, string column) =>
        AssertSingleError(Dataset.Targets, [TargetHeader, row], code, column);

    [Fact]
    public void Metrics_Commentary_IsReadAndOptional()
    {
        var result = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader + ",Comments", Drops.Metric() + ",Improving as new caseworkers start", Drops.Metric(id: "X") + ",");
        Assert.True(result.Valid, Errors(result));
        var items = ((DatasetRows<MetricReading>)result.Data!).Items;
        Assert.Equal("Improving as new caseworkers start", items[0].Commentary);
        Assert.Null(items[1].Commentary);
    }

    [Fact]
    public void Metrics_CommentaryOverTheLimit_IsAnError() =>
        AssertSingleError(Dataset.Metrics, [Drops.MetricHeader + ",Commentary", Drops.Metric() + "," + new string('x', 4001)], IssueCode.TooLong, "Commentary");

    [Fact]
    public void Risks_Workbook_IsReadLikeCsv()
    {
        var workbook = Drops.Workbook("Risks",
            ["Risk Ref", "Title", "Workstream", "Owner", "Likelihood", "Impact", "Score", "Mitigation", "Trend", "Status", "Type"],
            ["R-1", "EHCP timeliness does not recover", "EHCP", "Assistant Director", WorkbookValue.Of(4), WorkbookValue.Of(5), WorkbookValue.Of(20), "Recovery plan", "Same", "Open", "Risk"]);
        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Risks, FileFormat.Xlsx), workbook);
        Assert.True(result.Valid, Errors(result));
        Assert.Equal(20, Assert.Single(((DatasetRows<RiskEntry>)result.Data!).Items).Score);
    }

    [Fact]
    public void Decisions_WorkbookDateCells_AreRead()
    {
        var workbook = Drops.Workbook("Decisions",
            ["Decision ID", "MeetingDate", "Type", "Text", "Owner", "DueMeeting", "Status", "DoneDate"],
            ["D-1", WorkbookValue.Of(new DateOnly(2025, 1, 28)), "ReportBack", "Workshop on the profiling tool", "Designated Clinical Officer", WorkbookValue.Of(new DateOnly(2025, 4, 22)), "Open", ""]);
        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Decisions, FileFormat.Xlsx), workbook);
        Assert.True(result.Valid, Errors(result));
        Assert.Equal(new DateOnly(2025, 4, 22), Assert.Single(((DatasetRows<BoardDecision>)result.Data!).Items).DueMeeting);
    }

    [Fact]
    public void Targets_WorkbookDateCellForTheMonth_IsThatMonth()
    {
        var workbook = Drops.Workbook("Targets", ["MetricId", "Period", "Target"], ["EHCP20", WorkbookValue.Of(new DateOnly(2025, 4, 1)), WorkbookValue.Percent(0.5)]);
        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Targets, FileFormat.Xlsx), workbook);
        Assert.True(result.Valid, Errors(result));
        Assert.Equal(new MetricTarget("EHCP20", ReportingPeriod.Of(2025, 4), 50), Assert.Single(((DatasetRows<MetricTarget>)result.Data!).Items));
    }

    [Fact]
    public void Updates_Workbook_KeepsLinesInACell()
    {
        var workbook = Drops.Workbook("Updates",
            ["Subgroup", "Lead", "Progress", "Next Steps"],
            ["Participation and Engagement", "Participation Lead", "Surveys finalised.\nNewsletter drafted.", "Newsletter issued."]);
        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Updates, FileFormat.Xlsx), workbook);
        Assert.True(result.Valid, Errors(result));
        Assert.Equal("Surveys finalised.\nNewsletter drafted.", Assert.Single(((DatasetRows<SubgroupUpdate>)result.Data!).Items).Progress);
    }

    [Theory]
    [InlineData(Dataset.Updates, "updates")]
    [InlineData(Dataset.Decisions, "decisions")]
    [InlineData(Dataset.Risks, "risks")]
    [InlineData(Dataset.Targets, "targets")]
    public void DropPath_NewDataset_IsReceived(Dataset dataset, string slug)
    {
        Assert.Equal(new DropPath(Drops.January2025, dataset, FileFormat.Xlsx), DropPath.Parse($"2025-01/{slug.ToUpperInvariant()}.xlsx").Drop);
        Assert.True(dataset.IsOptional());
    }

    [Fact]
    public void CuratedDrop_Risks_RoundTripThroughJson()
    {
        var rows = (DatasetRows<RiskEntry>)Drops.ValidateCsv(Dataset.Risks, RiskHeader, Risk()).Data!;
        var drop = new DropPath(Drops.January2025, Dataset.Risks, FileFormat.Csv);
        var curated = CuratedDrop.From(drop, new DropSource("drops/2025-01/risks.csv", "archive/x", "0x1", DateTimeOffset.UnixEpoch), rows);
        var back = CuratedDrop.FromJson(curated.ToJson());
        Assert.Equal(rows.Items, Assert.IsType<DatasetRows<RiskEntry>>(back.Data).Items);
        Assert.Equal(Dataset.Risks, back.Dataset);
    }

    private static ValidationIssue AssertSingleError(Dataset dataset, string[] lines, IssueCode code, string column)
    {
        var result = Drops.ValidateCsv(dataset, lines);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(column, error.Column);
        Assert.Null(result.Data);
        return error;
    }

    private static string Errors(DropValidation result) => string.Join("; ", result.Report.Errors.Select(e => $"{e.Column}: {e.Message}"));
}

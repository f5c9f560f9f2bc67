using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>The samples' papers with the Board's own business: subgroups' words, decisions and report-backs, risks, commentary, targets.</summary>
public sealed class BoardBusinessPaperTests
{
    public static TheoryData<ReportKind> Kinds() => [.. ReportKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_WithEveryNewDataset_PassesTheChecksAndValidates(ReportKind kind)
    {
        foreach (var month in new[] { "2024-11", "2024-12", "2025-01" })
        {
            var rendered = ReportRenderer.Render(kind, SampleStatus.WithBusiness(month), SampleStatus.BusinessConfig)!;
            Assert.Empty(PaperCheck.Check(rendered.Content));
            using var paper = Paper.Render(kind, SampleStatus.WithBusiness(month), SampleStatus.BusinessConfig);
            Assert.Empty(paper.ValidationErrors());
        }
    }

    [Fact]
    public void PartnershipSummary_WithUpdates_ReadsLikeTheSeedSummary()
    {
        using var paper = Paper.Render(ReportKind.PartnershipBoard, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        var headings = paper.Headings.Select(h => h.InnerText).ToList();
        Assert.Equal(
            ["1. Review of the action log", "2. Updates from the subgroups", "3. Decisions and reports coming back to the Board", "4. Progress on the Written Statement of Action", "5. Performance", "6. Next steps for the month ahead", "7. Abbreviations used in this summary"],
            headings.Where(h => h.Length > 3 && char.IsDigit(h[0]) && h[1] == '.' && h[2] == ' ').ToList());
        Assert.Contains("2.1 Continuous Improvement", headings);
        Assert.Contains("Progress made since the last meeting", headings);
        Assert.Contains("Issues escalated to the Board", headings);
        Assert.Contains("Hold a strategy planning workshop in February on the current priority areas.", paper.Text, StringComparison.Ordinal);
        Assert.Contains("The subgroup escalated no issues this month.", paper.Prose);
        Assert.Contains("Agreed to move sign-off of the new SEND strategy to April so that the annual survey results can inform it.", paper.Text, StringComparison.Ordinal);
        Assert.Contains("Proposed model for commissioning speech and language therapy in schools: Head of Joint Commissioning, due at the meeting on 22 April 2025.", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PartnershipSummary_ReportBacks_ListsThoseDueNextAndFlagsTheOverdue()
    {
        using var paper = Paper.Render(ReportKind.PartnershipBoard, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        Assert.Contains("One report is due to come back at the meeting in February 2025:", paper.Prose);
        Assert.Contains("Workshop for Board members on the neurodiversity profiling tool: Designated Clinical Officer (D-028).", paper.Text, StringComparison.Ordinal);
        Assert.Contains("Overdue: Evaluation of the neurodiversity profiling tool pilot in schools: Designated Clinical Officer, due on 28 January 2025 (D-025).", paper.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Update on the EHCP recovery plan and caseworker recruitment: Head of SEND Assessment, due on", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPaper_WithDecisionLog_RecommendsAgreeingOverdueReportsAndNotingThoseDue()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        Assert.Contains("Agree when the overdue report it asked for will come back, listed under Reports due to come back.", paper.Text, StringComparison.Ordinal);
        Assert.Contains("Note the report due to come back at its next meeting.", paper.Text, StringComparison.Ordinal);

        using var without = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"), SampleStatus.Config);
        Assert.DoesNotContain("overdue report", without.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPaper_WithRiskLog_RisksComeFromTheLogNotTheConfiguredText()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        Assert.DoesNotContain("Milestones rated at risk are listed in Appendix 1 with their owners and commentary.", paper.Text, StringComparison.Ordinal);
        Assert.Contains(paper.Prose, p => p.StartsWith("8.1 The programme's risk and issue log for January 2025 holds four open risks and one open issue.", StringComparison.Ordinal));
        Assert.Contains(paper.Prose, p => p.StartsWith("8.2 R-02 (risk, Data Analysis and Joint Commissioning): Demand for neurodevelopmental assessment exceeds commissioned capacity. Score 20 (likelihood 5, impact 4), unchanged.", StringComparison.Ordinal));
        Assert.Contains(paper.Prose, p => p.StartsWith("8.3 R-01 (risk, Education Health and Care Plans): EHCP timeliness does not recover to the target by the WSoA deadline. Score 16 (likelihood 4, impact 4), falling.", StringComparison.Ordinal));
        Assert.Contains(paper.Prose, p => p.StartsWith("8.4 R-04 (risk, Local Provision and Strategic Oversight): Too few specialist places for pupils moving school in September 2025. Score 16 (likelihood 4, impact 4), rising.", StringComparison.Ordinal));
        Assert.DoesNotContain("R-05", paper.Text, StringComparison.Ordinal);
        Assert.Contains("Note the three high risks and issues in the programme's risk and issue log and the mitigation in place, set out under Relevant risks.", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPaper_WithoutBusiness_KeepsTheConfiguredRiskText()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2025-01"));
        Assert.Contains("Milestones rated at risk are listed in Appendix 1 with their owners and commentary.", paper.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("risk and issue log", paper.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("REPORTS DUE TO COME BACK", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPaper_RiskLogExpectedButMissing_SaysSoBesideTheConfiguredText()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.WithBusiness("2025-01", m => m.Without(Dataset.Risks)), SampleStatus.BusinessConfig);
        Assert.Contains("Milestones rated at risk are listed in Appendix 1 with their owners and commentary.", paper.Text, StringComparison.Ordinal);
        Assert.Contains("8.2 The risk and issue log for January 2025 was not received.", paper.Prose);
        Assert.DoesNotContain("R-01", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_WithBusiness_ListsEscalationsHighRisksAndOverdueReports()
    {
        using var paper = Paper.Render(ReportKind.Exceptions, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        var headings = paper.Headings.Select(h => h.InnerText).ToList();
        Assert.Contains("Issues escalated by the subgroups", headings);
        Assert.Contains("High risks and issues", headings);
        Assert.Contains("Overdue reports to the Board", headings);
        Assert.Contains("Two subgroups escalated issues to the Board:", paper.Prose);
        Assert.Contains(paper.Text.Split('\n'), l => l.StartsWith("R-02 (risk", StringComparison.Ordinal));
        Assert.DoesNotContain(paper.Text.Split('\n'), l => l.StartsWith("I-01", StringComparison.Ordinal));
        Assert.Contains("D-025", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_HighRiskThresholdConfigured_IsUsed()
    {
        var config = SampleStatus.BusinessConfig with { Programme = SampleStatus.BusinessConfig.Programme with { HighRiskScore = 12 } };
        using var paper = Paper.Render(ReportKind.Exceptions, SampleStatus.WithBusiness("2025-01"), config);
        Assert.Contains(paper.Text.Split('\n'), l => l.StartsWith("I-01 (issue", StringComparison.Ordinal));
        Assert.Contains(paper.Prose, p => p.Contains("score 12 or more", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Dataset.Updates, "The subgroup update return for January 2025 was not received.")]
    [InlineData(Dataset.Decisions, "The decision log for January 2025 was not received.")]
    [InlineData(Dataset.Risks, "The risk and issue log for January 2025 was not received.")]
    public void Render_ExpectedDatasetMissing_IsStatedInEveryPaperNeverShownAsNone(Dataset dataset, string statement)
    {
        var status = SampleStatus.WithBusiness("2025-01", m => m.Without(dataset));
        Assert.Equal(DatasetState.Missing, status.Returns.For(dataset).State);
        foreach (var kind in ReportKinds.All)
        {
            var rendered = ReportRenderer.Render(kind, status, SampleStatus.BusinessConfig)!;
            Assert.Empty(PaperCheck.Check(rendered.Content));
            using var paper = Paper.Render(kind, status, SampleStatus.BusinessConfig);
            Assert.Contains(paper.Prose, p => p.Contains(statement[..^1], StringComparison.Ordinal));
            Assert.DoesNotContain("No subgroup escalated", paper.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("No report the Board asked for is overdue", paper.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("No open risk or issue", paper.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_DatasetNotExpectedAndAbsent_IsSimplyAbsent()
    {
        var config = SampleStatus.BusinessConfig with { Datasets = SampleStatus.BusinessConfig.Datasets.Where(d => d.Key != "risks").ToDictionary() };
        var status = SampleStatus.WithBusiness("2025-01", m => m.Without(Dataset.Risks));
        var returns = status.Returns with { Optional = status.Returns.Optional.Where(r => r.Dataset != Dataset.Risks).ToList() };
        using var paper = Paper.Render(ReportKind.Exceptions, status with { Returns = returns }, config);
        Assert.DoesNotContain("risk and issue log", paper.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("High risks and issues", paper.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ImpactTracker_MetricCommentary_IsPrintedBesideTheTable()
    {
        using var with = Paper.Render(ReportKind.HwbBoard, SampleStatus.WithBusiness("2024-12"), SampleStatus.BusinessConfig);
        Assert.Contains("Commentary on the measures, from their owners:", with.Prose);
        Assert.Contains(with.Prose, p => p.StartsWith("Average wait for speech and language therapy: Waits are falling under the recovery plan", StringComparison.Ordinal));
        using var without = Paper.Render(ReportKind.HwbBoard, SampleStatus.For("2024-12"));
        Assert.DoesNotContain("Commentary on the measures", without.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_Trajectory_RagUsesTheTargetInForceForTheDataMonth()
    {
        // 35 weeks, lower is better: red against the end target of 18, amber against January's step of 32 (within 10%).
        var with = SampleStatus.WithBusiness("2025-01").Metrics.Single(m => m.Reading.Id == "SALT-WAIT");
        var without = SampleStatus.For("2025-01").Metrics.Single(m => m.Reading.Id == "SALT-WAIT");
        Assert.Equal(18, without.Reading.Target);
        Assert.Equal(Rag.Red, without.Rag);
        Assert.Equal(32, with.Reading.Target);
        Assert.Equal(Rag.Amber, with.Rag);
    }

    [Fact]
    public void TrendChart_WithTrajectory_AltTextGivesTheSteps()
    {
        using var paper = Paper.Render(ReportKind.HwbBoard, SampleStatus.WithBusiness("2025-01"), SampleStatus.BusinessConfig);
        var alt = paper.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description?.Value ?? string.Empty).ToList();
        Assert.Contains(alt, a => a.Contains("Target trajectory: 36 weeks from October 2024, 32 weeks from January 2025, 26 weeks from April 2025 and 18 weeks from August 2025.", StringComparison.Ordinal));
    }

    [Fact]
    public void Risks_TrendGivenOrComputedFromLastMonth()
    {
        var risks = SampleStatus.WithBusiness("2025-01").Business.Risks!;
        Assert.Equal(RiskTrend.Down, risks.Single(r => r.Risk.Id == "R-01").Trend);
        Assert.Equal(RiskTrend.Up, risks.Single(r => r.Risk.Id == "R-04").Trend);
        Assert.Equal(RiskTrend.Same, risks.Single(r => r.Risk.Id == "R-02").Trend);
        Assert.Equal(RiskTrend.Up, SampleStatus.WithBusiness("2024-11").Business.Risks!.Single(r => r.Risk.Id == "R-02").Trend);
    }

    [Fact]
    public void Status_WithoutBusiness_HasNone()
    {
        var status = SampleStatus.For("2025-01");
        Assert.Same(BoardBusiness.None, status.Business);
        Assert.Empty(status.Returns.Optional);
        Assert.Equal(3, status.Returns.All.Count);
    }
}

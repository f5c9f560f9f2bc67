using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>
/// January 2025 with each return taken away in turn (missing, then rejected), and with a superseded return: every paper
/// says so in words near the top and in the section concerned, and prints no figure from the data it does not have.
/// </summary>
public sealed class MissingDataTests
{
    private static readonly DateOnly February3 = new(2025, 2, 3);
    private static readonly DateOnly February4 = new(2025, 2, 4);
    private static readonly DateOnly February5 = new(2025, 2, 5);
    private static readonly DateOnly February6 = new(2025, 2, 6);

    /// <summary>Text that only the January metrics return can produce.</summary>
    private static readonly string[] FromMetrics =
        ["EHCPs issued within 20 weeks", "percentage points", "metrics with a target", "No metric is rated red", "Every metric describes", "metric is rated red", "metrics are rated red", "two or more months old"];

    /// <summary>Text that only the January action log can produce, including the words a missing log used to be printed as.</summary>
    private static readonly string[] FromActions =
        ["A-106", "A-110", "actions are now closed", "No action was closed", "remain open", "No actions remain open", "is overdue", "are overdue", "No action from the Board is overdue"];

    public static TheoryData<Dataset, DatasetState, ReportKind> AbsentReturns()
    {
        var data = new TheoryData<Dataset, DatasetState, ReportKind>();
        foreach (var dataset in new[] { Dataset.Metrics, Dataset.Actions })
        {
            foreach (var state in new[] { DatasetState.Missing, DatasetState.Rejected })
            {
                foreach (var kind in ReportKinds.All)
                {
                    data.Add(dataset, state, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AbsentReturns))]
    public void Render_ReturnAbsent_SaysSoAndShowsNoFigureFromIt(Dataset dataset, DatasetState state, ReportKind kind)
    {
        var status = Without(dataset, state);

        using var paper = Paper.Render(kind, status);

        Assert.Empty(paper.ValidationErrors());
        var name = dataset == Dataset.Metrics ? "metrics return" : "action log";
        var said = state == DatasetState.Missing
            ? $"The {name} for January 2025 was not received"
            : $"The {name} for January 2025, uploaded on 4 February 2025, was rejected because it had errors, and no corrected version has been accepted";
        var dataUsed = Assert.Single(paper.Prose, p => p.StartsWith("Data used in this paper:", StringComparison.Ordinal));
        Assert.Contains(said, dataUsed, StringComparison.Ordinal);
        Assert.True(paper.Prose.Count(p => p.Contains(said, StringComparison.Ordinal)) >= 2, "the section concerned says so as well as the data statement");
        Assert.All(dataset == Dataset.Metrics ? FromMetrics : FromActions, figure => Assert.DoesNotContain(figure, paper.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ActionLogMissing_NeverSaysNoActions()
    {
        using var paper = Paper.Render(ReportKind.PartnershipBoard, Without(Dataset.Actions, DatasetState.Missing));

        var section = paper.Prose.SkipWhile(p => !p.StartsWith("The action log for January 2025", StringComparison.Ordinal)).First();
        Assert.Equal("The action log for January 2025 was not received, so this paper cannot report on the action log for the month.", section);
        Assert.DoesNotContain("No actions", paper.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportKind.HwbBoard)]
    [InlineData(ReportKind.CypeCommittee)]
    [InlineData(ReportKind.PartnershipBoard)]
    [InlineData(ReportKind.Exceptions)]
    public void Render_SupersededAndLaterRejected_NamesTheVersionsUsed(ReportKind kind)
    {
        var status = SampleStatus.With("2025-01", month => month with
        {
            Returns = new PeriodReturns(
                DatasetReturn.Accepted(Dataset.Milestones, February5, supersededUploadOn: February3),
                DatasetReturn.Accepted(Dataset.Metrics, February4, laterRejectedUploadOn: February6),
                DatasetReturn.Accepted(Dataset.Actions, February3)),
        });

        using var paper = Paper.Render(kind, status);

        var dataUsed = Assert.Single(paper.Prose, p => p.StartsWith("Data used in this paper:", StringComparison.Ordinal));
        Assert.Equal(
            "Data used in this paper: This paper uses the January 2025 milestone return (uploaded on 5 February 2025, replacing the version uploaded on 3 February 2025), "
            + "metrics return (uploaded on 4 February 2025) and action log (uploaded on 3 February 2025). "
            + "A later metrics return uploaded on 6 February 2025 was rejected because it had errors, so this paper uses the version accepted before it. "
            + "Movement since last month is measured against the December 2024 milestone return.",
            dataUsed);
        Assert.Contains("EHCPs issued within 20 weeks", paper.Text, StringComparison.Ordinal); // the accepted version is still used
    }

    [Fact]
    public void Render_Exceptions_ListsMissingAndRejectedReturnsFirst()
    {
        var status = SampleStatus.With("2025-01", month => month.Without(Dataset.Metrics).Without(Dataset.Actions) with
        {
            Returns = new PeriodReturns(DatasetReturn.Accepted(Dataset.Milestones), DatasetReturn.Rejected(Dataset.Metrics, February4), DatasetReturn.Missing(Dataset.Actions)),
        });

        using var paper = Paper.Render(ReportKind.Exceptions, status);

        Assert.Equal("Returns missing or rejected", paper.Headings[0].InnerText);
        var listed = paper.Prose.SkipWhile(p => !p.StartsWith("Data used", StringComparison.Ordinal)).Skip(1).Take(2).ToList();
        Assert.Equal(
        [
            "The action log for January 2025 was not received. The return is owned by Partnership Board Secretary.",
            "The metrics return for January 2025, uploaded on 4 February 2025, was rejected because it had errors, and no corrected version has been accepted. The return is owned by Children's Performance Team.",
        ], listed);
    }

    [Fact]
    public void Render_LastAcceptedMonthConfigured_ShowsItLabelledWithItsMonth()
    {
        var status = SampleStatus.With("2025-01", month => month.Without(Dataset.Metrics).Without(Dataset.Actions), MissingReturnDisplay.LastAccepted);

        using var paper = Paper.Render(ReportKind.PartnershipBoard, status);

        Assert.Contains("The metrics return for January 2025 was not received, so the performance figures shown are from December 2024, the last month accepted, and are labelled as such.", paper.Text, StringComparison.Ordinal);
        Assert.Contains("The figures that follow are from the metrics return for December 2024, the last one accepted; they describe December 2024, not this month.", paper.Prose);
        Assert.Contains("The figures that follow are from the action log for December 2024, the last one accepted; they describe December 2024, not this month.", paper.Prose);
        Assert.Contains(paper.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCaption>(), c => c.Val == "Performance metrics from the December 2024 return");
        Assert.Empty(StatusJson.From(status).Metrics); // the machine-readable status never passes an earlier month off as this one
        Assert.Null(StatusJson.From(status).Actions);
    }

    [Fact]
    public void Render_LastAcceptedByDefault_IsNotShown()
    {
        var status = Without(Dataset.Metrics, DatasetState.Missing);
        Assert.Null(status.EarlierMetrics);
        Assert.Equal(MissingReturnDisplay.Nothing, SampleStatus.Config.Programme.MissingReturns);
    }

    [Fact]
    public void InputsFor_MilestonesAbsent_IsNothingToReport()
    {
        var accepted = SampleStatus.Accepted.ToDictionary(p => p.Key, p => p.Value.Without(Dataset.Milestones));
        var january = ReportingPeriod.Of(2025, 1);
        Assert.Null(AcceptedData.InputsFor(january, Drops.Deadline, 10, accepted));
    }

    [Fact]
    public void Compute_ReturnsContradictingTheData_Throws()
    {
        var wrong = SampleStatus.Accepted.ToDictionary(p => p.Key, p => p.Value with { Returns = PeriodReturns.FromPresence(true, false, true) });
        var inputs = AcceptedData.InputsFor(ReportingPeriod.Of(2025, 1), Drops.Deadline, 10, wrong)!;
        Assert.Throws<ArgumentException>(() => StatusEngine.Compute(inputs));
    }

    [Fact]
    public void Highlights_ReturnMissing_SaySoFirstAndGiveNoFigure()
    {
        var (highlights, attention) = ReportHighlights.From(SampleStatus.With("2025-01", month => month.Without(Dataset.Actions) with
        {
            Returns = new PeriodReturns(DatasetReturn.Accepted(Dataset.Milestones), DatasetReturn.Accepted(Dataset.Metrics), DatasetReturn.Rejected(Dataset.Actions, February4)),
        }));

        Assert.Contains("The action log for January 2025, uploaded on 4 February 2025, was rejected because it had errors, and no corrected version has been accepted, so this paper cannot report on the action log for the month.", highlights);
        Assert.Equal("Action log for January 2025: rejected (uploaded on 4 February 2025), no corrected version accepted", attention[0]);
        Assert.All(FromActions, figure => Assert.DoesNotContain(highlights.Concat(attention), line => line.Contains(figure, StringComparison.Ordinal)));
    }

    [Fact]
    public void Returns_DatesThatContradictTheState_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => DatasetReturn.Accepted(Dataset.Metrics, February3, supersededUploadOn: February4));
        Assert.Throws<ArgumentException>(() => DatasetReturn.Accepted(Dataset.Metrics, February4, laterRejectedUploadOn: February3));
        Assert.Throws<ArgumentException>(() => new PeriodReturns(DatasetReturn.Missing(Dataset.Metrics), DatasetReturn.Missing(Dataset.Metrics), DatasetReturn.Missing(Dataset.Actions)));
    }

    private static PeriodStatus Without(Dataset dataset, DatasetState state)
    {
        var absent = state == DatasetState.Missing ? DatasetReturn.Missing(dataset) : DatasetReturn.Rejected(dataset, February4);
        return SampleStatus.With("2025-01", month => month.Without(dataset) with
        {
            Returns = new PeriodReturns(
                DatasetReturn.Accepted(Dataset.Milestones, February3),
                dataset == Dataset.Metrics ? absent : DatasetReturn.Accepted(Dataset.Metrics, February3),
                dataset == Dataset.Actions ? absent : DatasetReturn.Accepted(Dataset.Actions, February3)),
        });
    }
}

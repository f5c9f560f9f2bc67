using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Status;

/// <summary>
/// What a paper says about the data it uses: which returns, uploaded when, and which are missing or rejected.
/// A return the period does not have is said to be missing in words; it is never shown as none.
/// </summary>
public static class DataNarrative
{
    /// <summary>"milestone return", "metrics return", "action log".</summary>
    public static string Name(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => "milestone return",
        Dataset.Metrics => "metrics return",
        Dataset.Actions => "action log",
        Dataset.Updates => "subgroup update return",
        Dataset.Decisions => "decision log",
        Dataset.Risks => "risk and issue log",
        Dataset.Targets => "metric targets",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    /// <summary>The "Data used in this paper" statement: the returns used with their upload dates, then what is missing or rejected.</summary>
    public static IReadOnlyList<string> Used(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var returns = status.Returns;
        var sentences = new List<string>
        {
            $"This paper uses the {status.Period.ToLongName()} {Words.List(returns.All.Where(r => r.IsAccepted).Select(Described).ToList())}.",
        };
        foreach (var r in returns.All.Where(r => r.IsAccepted && r.RejectedUploadOn is not null))
        {
            sentences.Add($"A later {Name(r.Dataset)} uploaded on {Words.Date(r.RejectedUploadOn!.Value)} was rejected because it had errors, so this paper uses the version accepted before it.");
        }

        foreach (var r in returns.NotAccepted)
        {
            sentences.Add(Absent(status, r.Dataset, Consequence(status, r.Dataset)));
        }

        var previous = (status.ComparedWith ?? status.Period.Previous).ToLongName();
        sentences.Add(status.HasPreviousPeriod
            ? $"Movement since {status.Since} is measured against the {previous} milestone return."
            : $"There is no accepted milestone return for {previous}, so movement since {status.Since} is not shown.");
        return sentences;
    }

    /// <summary>
    /// "The action log for January 2025 was not received." or "... was rejected because it had errors, and no corrected
    /// version has been accepted.", with ", so {consequence}" before the full stop when given.
    /// </summary>
    public static string Absent(PeriodStatus status, Dataset dataset, string? consequence = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var r = status.Returns.For(dataset);
        var subject = $"The {Name(dataset)} for {status.Period.ToLongName()}";
        var text = r.State switch
        {
            DatasetState.Missing => $"{subject} was not received",
            DatasetState.Rejected when r.RejectedUploadOn is { } on => $"{subject}, uploaded on {Words.Date(on)}, was rejected because it had errors, and no corrected version has been accepted",
            DatasetState.Rejected => $"{subject} was rejected because it had errors, and no corrected version has been accepted",
            _ => throw new ArgumentException($"The {dataset.ToSlug()} return for {status.Period} was accepted.", nameof(dataset)),
        };
        return consequence is null ? text + "." : $"{text}, so {consequence}.";
    }

    /// <summary>The label over figures shown from an earlier month in place of a missing return.</summary>
    public static string EarlierLabel(Dataset dataset, ReportingPeriod earlier) =>
        $"The figures that follow are from the {Name(dataset)} for {earlier.ToLongName()}, the last one accepted; they describe {earlier.ToLongName()}, not this month.";

    /// <summary>One line per return that is missing or rejected, missing first: "Metrics return for January 2025: not received".</summary>
    public static IReadOnlyList<string> Attention(PeriodStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Returns.NotAccepted.Select(r => $"{Words.Capitalise(Name(r.Dataset))} for {status.Period.ToLongName()}: " + (r.State == DatasetState.Missing
            ? "not received"
            : "rejected" + (r.RejectedUploadOn is { } on ? $" (uploaded on {Words.Date(on)})" : string.Empty) + ", no corrected version accepted")).ToList();
    }

    private static string Described(DatasetReturn r)
    {
        var notes = new List<string>();
        if (r.AcceptedUploadOn is { } on)
        {
            notes.Add($"uploaded on {Words.Date(on)}");
        }

        if (r.SupersededUploadOn is { } earlier)
        {
            notes.Add($"replacing the version uploaded on {Words.Date(earlier)}");
        }

        return notes.Count == 0 ? Name(r.Dataset) : $"{Name(r.Dataset)} ({string.Join(", ", notes)})";
    }

    private static string Consequence(PeriodStatus status, Dataset dataset) => dataset switch
    {
        Dataset.Metrics when status.EarlierMetrics is { } earlier =>
            $"the performance figures shown are from {earlier.Period.ToLongName()}, the last month accepted, and are labelled as such",
        Dataset.Metrics => "this paper gives no performance figures for the month",
        Dataset.Actions when status.EarlierActions is { } earlier =>
            $"the action log shown is the one for {earlier.Period.ToLongName()}, the last accepted, and is labelled as such",
        Dataset.Actions => "this paper cannot report on the action log for the month",
        Dataset.Updates => "the subgroups' own updates for the month are not in this paper",
        Dataset.Decisions => "this paper cannot list the Board's decisions for the month or the reports due to come back",
        Dataset.Risks => "this paper cannot report on the risk and issue log for the month",
        Dataset.Targets when status.Business.Targets is not null => "the targets used are those of the last trajectory accepted",
        Dataset.Targets => "measures are rated against the targets given in the metrics return",
        _ => "there is nothing to report",
    };
}

using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Status;

/// <summary>The three returns of one period, one per dataset, each in its own slot.</summary>
public sealed record PeriodReturns
{
    public PeriodReturns(DatasetReturn milestones, DatasetReturn metrics, DatasetReturn actions)
    {
        Milestones = Slot(milestones, Dataset.Milestones, nameof(milestones));
        Metrics = Slot(metrics, Dataset.Metrics, nameof(metrics));
        Actions = Slot(actions, Dataset.Actions, nameof(actions));
    }

    public DatasetReturn Milestones { get; }

    public DatasetReturn Metrics { get; }

    public DatasetReturn Actions { get; }

    /// <summary>Milestones, metrics, actions: the order every paper lists them in.</summary>
    public IReadOnlyList<DatasetReturn> All => [Milestones, Metrics, Actions];

    /// <summary>The returns that were not accepted (missing first, then rejected, each in dataset order).</summary>
    public IReadOnlyList<DatasetReturn> NotAccepted =>
        All.Where(r => r.State == DatasetState.Missing).Concat(All.Where(r => r.State == DatasetState.Rejected)).ToList();

    public DatasetReturn For(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => Milestones,
        Dataset.Metrics => Metrics,
        Dataset.Actions => Actions,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    /// <summary>
    /// What a caller that knows only the accepted data can say: Accepted where data is present, Missing where not.
    /// Sound because an accepted return always has rows (a file without data rows is rejected, <c>NoDataRows</c>).
    /// </summary>
    public static PeriodReturns FromPresence(bool milestones, bool metrics, bool actions) => new(
        Of(Dataset.Milestones, milestones), Of(Dataset.Metrics, metrics), Of(Dataset.Actions, actions));

    private static DatasetReturn Of(Dataset dataset, bool present) => present ? DatasetReturn.Accepted(dataset) : DatasetReturn.Missing(dataset);

    private static DatasetReturn Slot(DatasetReturn value, Dataset dataset, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Dataset == dataset ? value : throw new ArgumentException($"Expected the {dataset.ToSlug()} return, got {value.Dataset.ToSlug()}.", name);
    }
}

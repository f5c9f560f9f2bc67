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

    /// <summary>
    /// The returns of the Board's own business (updates, decisions, risks, targets) this period has: those the programme
    /// expects and those accepted without being expected (see <see cref="OptionalOf"/>); empty when it has none, so a paper
    /// without them reads exactly as before.
    /// </summary>
    public IReadOnlyList<DatasetReturn> Optional
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value.All(r => r.Dataset.IsOptional()) && value.DistinctBy(r => r.Dataset).Count() == value.Count
                ? [.. value.OrderBy(r => r.Dataset)]
                : throw new ArgumentException("Optional returns are the Board's business datasets, each at most once.", nameof(value));
        }
    } = [];

    /// <summary>Milestones, metrics, actions, then the optional returns in dataset order: the order every paper lists them in.</summary>
    public IReadOnlyList<DatasetReturn> All => Optional.Count == 0 ? [Milestones, Metrics, Actions] : [Milestones, Metrics, Actions, .. Optional];

    /// <summary>Whether the period has this return at all: always for the three, for an optional one when expected or accepted.</summary>
    public bool Has(Dataset dataset) => !dataset.IsOptional() || Optional.Any(r => r.Dataset == dataset);

    /// <summary>Whether the period has an accepted version of this return.</summary>
    public bool Accepted(Dataset dataset) => Has(dataset) && For(dataset).IsAccepted;

    /// <summary>
    /// The optional returns a period has: each one the programme expects (<paramref name="expected"/>), and any other that
    /// was accepted; one neither expected nor accepted is left out, so nothing is said of it.
    /// </summary>
    public static IReadOnlyList<DatasetReturn> OptionalOf(IEnumerable<DatasetReturn> returns, Func<Dataset, bool> expected)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(expected);
        return returns.Where(r => r.Dataset.IsOptional() && (r.IsAccepted || expected(r.Dataset))).ToList();
    }

    /// <summary>The returns that were not accepted (missing first, then rejected, each in dataset order).</summary>
    public IReadOnlyList<DatasetReturn> NotAccepted =>
        All.Where(r => r.State == DatasetState.Missing).Concat(All.Where(r => r.State == DatasetState.Rejected)).ToList();

    public DatasetReturn For(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => Milestones,
        Dataset.Metrics => Metrics,
        Dataset.Actions => Actions,
        _ => Optional.FirstOrDefault(r => r.Dataset == dataset) ?? throw new ArgumentOutOfRangeException(nameof(dataset), $"The period has no {dataset.ToSlug()} return."),
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

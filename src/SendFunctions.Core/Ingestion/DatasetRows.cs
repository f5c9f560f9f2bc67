using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The accepted rows of one drop: a closed union with one case per <see cref="Ingestion.Dataset"/>, the rows typed by it
/// (<see cref="DatasetRows{T}"/> of <see cref="Milestone"/>, <see cref="MetricReading"/>, <see cref="ActionItem"/>,
/// <see cref="SubgroupUpdate"/>, <see cref="BoardDecision"/>, <see cref="RiskEntry"/> or <see cref="MetricTarget"/>).
/// The validator makes it, the curated store keeps it, the status inputs are read from it.
/// </summary>
public abstract record DatasetRows
{
    private protected DatasetRows()
    {
    }

    /// <summary>The dataset these rows are of, which their type decides.</summary>
    public abstract Dataset Dataset { get; }

    public abstract int Count { get; }
}

/// <summary>The accepted rows of one drop of the dataset whose rows are <typeparamref name="T"/>; no other row type can be made.</summary>
public sealed record DatasetRows<T>(IReadOnlyList<T> Items) : DatasetRows
{
    public override Dataset Dataset { get; } = DatasetOf(typeof(T));

    public override int Count => Items.Count;

    private static Dataset DatasetOf(Type rows) =>
        rows == typeof(Milestone) ? Dataset.Milestones
        : rows == typeof(MetricReading) ? Dataset.Metrics
        : rows == typeof(ActionItem) ? Dataset.Actions
        : rows == typeof(SubgroupUpdate) ? Dataset.Updates
        : rows == typeof(BoardDecision) ? Dataset.Decisions
        : rows == typeof(RiskEntry) ? Dataset.Risks
        : rows == typeof(MetricTarget) ? Dataset.Targets
        : throw new ArgumentException($"{rows.Name} is not the row type of any dataset.", nameof(rows));
}

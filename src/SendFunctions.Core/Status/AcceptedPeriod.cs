using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Status;

/// <summary>What was accepted for one period: at most one <see cref="DatasetRows"/> per dataset, none where nothing valid arrived.</summary>
public sealed record AcceptedPeriod
{
    private readonly IReadOnlyDictionary<Dataset, DatasetRows> data;

    /// <param name="data">The accepted rows, each of a different dataset.</param>
    /// <param name="returns">
    /// What became of each return (accepted, rejected, missing, with upload dates). Null when the caller knows only the
    /// accepted data: each dataset is then Accepted where present and Missing where not.
    /// </param>
    public AcceptedPeriod(IEnumerable<DatasetRows> data, PeriodReturns? returns = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var byDataset = new SortedDictionary<Dataset, DatasetRows>();
        foreach (var rows in data)
        {
            if (!byDataset.TryAdd(rows.Dataset, rows))
            {
                throw new ArgumentException($"Two sets of {rows.Dataset.ToSlug()} rows for one period.", nameof(data));
            }
        }

        this.data = byDataset;
        Returns = returns;
    }

    /// <summary>The accepted rows by dataset, in dataset order; each is under its own dataset, so none can be of the wrong type.</summary>
    public IReadOnlyDictionary<Dataset, DatasetRows> Data => data;

    public PeriodReturns? Returns { get; init; }

    /// <summary>The returns as given, or as the data present implies.</summary>
    public PeriodReturns ReturnsOrPresence => Returns ?? PeriodReturns.FromPresence(Has(Dataset.Milestones), Has(Dataset.Metrics), Has(Dataset.Actions)) with
    {
        Optional = [.. data.Keys.Where(d => d.IsOptional()).Select(d => DatasetReturn.Accepted(d))],
    };

    public bool Has(Dataset dataset) => data.ContainsKey(dataset);

    /// <summary>The accepted rows of the dataset whose rows are <typeparamref name="T"/>; null when none were accepted.</summary>
    public IReadOnlyList<T>? Rows<T>() => data.Values.OfType<DatasetRows<T>>().FirstOrDefault()?.Items;

    /// <summary>The same period with <paramref name="rows"/> accepted in place of what was accepted for their dataset.</summary>
    public AcceptedPeriod With(DatasetRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new AcceptedPeriod(data.Values.Where(r => r.Dataset != rows.Dataset).Append(rows), Returns);
    }

    /// <summary>The same period with nothing accepted for <paramref name="dataset"/>.</summary>
    public AcceptedPeriod Without(Dataset dataset) => new(data.Values.Where(r => r.Dataset != dataset), Returns);
}

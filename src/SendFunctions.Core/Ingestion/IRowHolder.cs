namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Holds a drop's accepted rows, in the order read, from the moment each is checked until the drop's data is used.
/// A dataset holds its records (<see cref="RecordHolder{TRow,T}"/>) unless it has a more compact way.
/// </summary>
/// <typeparam name="TRow">The row's values the dataset's rules have read.</typeparam>
/// <typeparam name="T">The record of an accepted row.</typeparam>
internal interface IRowHolder<TRow, T>
    where TRow : struct
{
    /// <summary>
    /// True when the cell parser should make each checked cell's text as it checks it (the holder keeps strings); false
    /// when the holder copies the text from the cells itself.
    /// </summary>
    bool KeepsStrings { get; }

    /// <summary>Holds the current row, which the dataset's check accepted with <paramref name="row"/>.</summary>
    void Add(CellParser cells, in TRow row);

    /// <summary>The rows held, each row's record as <see cref="IDatasetSchema{TRow,T}.Build"/> would make it.</summary>
    IReadOnlyList<T> Rows { get; }
}

/// <summary>The accepted rows held as their records, made by the dataset's <see cref="IDatasetSchema{TRow,T}.Build"/>.</summary>
internal sealed class RecordHolder<TRow, T>(IDatasetSchema<TRow, T> schema) : IRowHolder<TRow, T>
    where TRow : struct
{
    private readonly RowList<T> records = new();

    public bool KeepsStrings => true;

    public IReadOnlyList<T> Rows => records;

    public void Add(CellParser cells, in TRow row) => records.Add(schema.Build(cells, row));
}

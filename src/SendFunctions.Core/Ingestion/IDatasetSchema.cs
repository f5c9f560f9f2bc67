using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// One dataset's columns and row rules. A row is checked first, which reports its issues and makes none of its text;
/// its record, with its text, is made by a separate step and only for a row that is kept, so checking a file
/// (sendfx validate) makes no record or string per row.
/// </summary>
/// <typeparam name="TRow">The row's values the rules have read (numbers, dates, choices), kept between the two steps.</typeparam>
/// <typeparam name="T">The record of an accepted row.</typeparam>
internal interface IDatasetSchema<TRow, T>
    where TRow : struct
{
    IReadOnlyList<ColumnSpec> Columns { get; }

    string IdColumn { get; }

    /// <summary>Checks the current row, adding issues through <paramref name="cells"/>; false when the row has errors.</summary>
    bool Check(CellParser cells, out TRow row);

    /// <summary>The ID the duplicate check compares, of a row <see cref="Check"/> accepted; valid until the reader moves on.</summary>
    ReadOnlySpan<char> IdOf(CellParser cells, in TRow row);

    /// <summary>The record of the current row, which <see cref="Check"/> accepted with <paramref name="row"/>; reports nothing.</summary>
    T Build(CellParser cells, in TRow row);

    /// <summary>What holds the accepted rows when they are kept: their records, unless the dataset holds them more compactly.</summary>
    IRowHolder<TRow, T> NewHolder() => new RecordHolder<TRow, T>(this);
}

/// <summary>What a row check needs to know beyond the row: the period, and the WSoA deadline where known.</summary>
internal sealed record DropContext(ReportingPeriod Period, DateOnly? Deadline, Func<int> ErrorCount);

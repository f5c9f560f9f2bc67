using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Ingestion;

/// <summary>One dataset's columns and row rules.</summary>
internal interface IDatasetSchema<T>
{
    IReadOnlyList<ColumnSpec> Columns { get; }

    string IdColumn { get; }

    string IdOf(T record);

    /// <summary>Reads one row, adding issues through <paramref name="cells"/>; null when the row has errors.</summary>
    T? Read(CellParser cells);
}

/// <summary>What a row check needs to know beyond the row: the period, and the WSoA deadline where known.</summary>
internal sealed record DropContext(ReportingPeriod Period, DateOnly? Deadline, Func<int> ErrorCount);

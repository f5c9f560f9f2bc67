namespace SendFunctions.Core.Ingestion;

/// <summary>How a cell reached us: CSV cells are always text; workbook cells may carry a typed number.</summary>
public enum CellKind
{
    Text,
    Number,
    Date,
    Percent,
}

/// <summary>One cell. <see cref="Number"/> is meaningful only when <see cref="Kind"/> is not Text (a date is an Excel serial).</summary>
public readonly record struct Cell(string Text, CellKind Kind = CellKind.Text, double Number = 0)
{
    public static readonly Cell Empty = new(string.Empty);

    public bool IsBlank => Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A non-blank row and its number as the owner sees it in Excel.</summary>
public sealed record SourceRow(int Number, IReadOnlyList<Cell> Cells)
{
    public Cell this[int column] => column < Cells.Count ? Cells[column] : Cell.Empty;
}

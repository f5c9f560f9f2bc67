namespace SendFunctions.Core.Ingestion;

/// <summary>How a cell reached us: CSV cells are always text; workbook cells may carry a typed number.</summary>
public enum CellKind
{
    Text,
    Number,
    Date,
    Percent,

    /// <summary>A workbook formula saved without its calculated value; <see cref="Cell.Text"/> holds the formula.</summary>
    UncalculatedFormula,

    /// <summary>A workbook cell showing an Excel error such as #N/A; <see cref="Cell.Text"/> holds it.</summary>
    Error,
}

/// <summary>One cell. <see cref="Number"/> is meaningful only when <see cref="Kind"/> is not Text (a date is an Excel serial).</summary>
public readonly record struct Cell(string Text, CellKind Kind = CellKind.Text, double Number = 0)
{
    public static readonly Cell Empty = new(string.Empty);

    public bool IsBlank => Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text);

    /// <summary>A cell whose value cannot be used as given: a formula never calculated, or an Excel error value.</summary>
    public bool IsUnusable => Kind is CellKind.UncalculatedFormula or CellKind.Error;
}

/// <summary>A non-blank row and its number as the owner sees it in Excel.</summary>
public sealed record SourceRow(int Number, IReadOnlyList<Cell> Cells)
{
    public Cell this[int column] => column < Cells.Count ? Cells[column] : Cell.Empty;
}

using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// A table as a reader meets it: a caption, a header row, rows of cells. Column widths follow the content
/// (<see cref="ColumnWidths"/>), so a table states none.
/// </summary>
internal sealed record TableSpec(string Caption, string Description, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<TableCellSpec>> Rows);

/// <summary>A cell's text, with the RAG shading it may carry.</summary>
internal readonly record struct TableCellSpec(string Text, Rag Shading = Rag.None, bool Bold = false)
{
    public static implicit operator TableCellSpec(string text) => new(text);
}

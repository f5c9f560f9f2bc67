namespace SendFunctions.Core.Reports.Word;

internal enum ChartKind
{
    StackedBar,
    Line,
}

/// <summary>A native Word chart: its data (embedded as a workbook, so Word's Edit Data works), title and alt text.</summary>
internal sealed record ChartSpec(
    ChartKind Kind,
    string Title,
    string AltText,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    int HeightTwips = 4320);

internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<double?> Values);

namespace SendFunctions.Core.Reports.Word;

internal enum ChartKind
{
    StackedBar,
    Line,
}

/// <summary>
/// A native Word chart: its data (embedded as a workbook, so Word's Edit Data works), title, alt text and axis titles
/// with units. A null value is a gap: nothing is drawn for that category.
/// </summary>
/// <param name="ValueRange">Fixed minimum and maximum of the value axis (0 to 100 for a percentage), or null for Word's own.</param>
internal sealed record ChartSpec(
    ChartKind Kind,
    string Title,
    string AltText,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string CategoryAxisTitle,
    string ValueAxisTitle,
    (double Minimum, double Maximum)? ValueRange = null,
    int HeightTwips = 4320);

internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<double?> Values);

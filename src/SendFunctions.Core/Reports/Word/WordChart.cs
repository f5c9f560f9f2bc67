using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using SendFunctions.Core.Spreadsheets;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary>DrawingML charts in their own chart part, with the data in an embedded workbook and cached in the chart.</summary>
internal static class WordChart
{
    private const long EmuPerTwip = 635;

    public static W.Drawing Add(MainDocumentPart main, ChartSpec spec, uint drawingId, int widthTwips, DateTimeOffset stamp)
    {
        // Fixed relationship ids and a rewritten workbook package: the same inputs give the same bytes.
        var part = main.AddNewPart<ChartPart>($"rIdChart{drawingId}");
        var embedded = part.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx, "rIdData");
        using (var workbook = new MemoryStream())
        {
            WorkbookBuilder.Write(workbook, "Sheet1", DataRows(spec));
            using var canonical = new MemoryStream(DeterministicZip.Rewrite(workbook.ToArray(), stamp));
            embedded.FeedData(canonical);
        }

        part.ChartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                Title(spec.Title),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), spec.Kind == ChartKind.StackedBar ? BarChart(spec) : LineChart(spec), CategoryAxis(spec), ValueAxis(spec)),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = part.GetIdOfPart(embedded) });

        var cx = widthTwips * EmuPerTwip;
        var cy = spec.HeightTwips * EmuPerTwip;
        return new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = $"Chart {drawingId}", Description = XmlText.Clean(spec.AltText), Title = XmlText.Clean(spec.Title) },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        });
    }

    private static IEnumerable<IReadOnlyList<WorkbookValue>> DataRows(ChartSpec spec)
    {
        yield return [string.Empty, .. spec.Series.Select(s => (WorkbookValue)s.Name)];
        for (var i = 0; i < spec.Categories.Count; i++)
        {
            var index = i;
            yield return [spec.Categories[i], .. spec.Series.Select(s => s.Values[index] is { } v ? WorkbookValue.Of(v) : (WorkbookValue)string.Empty)];
        }
    }

    private static C.BarChart BarChart(ChartSpec spec)
    {
        var chart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            chart.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                SeriesText(s, series.Name),
                Fill(series.Colour),
                new C.InvertIfNegative { Val = false },
                Categories(spec.Categories),
                Values(s, series.Values)));
        }

        chart.Append(new C.GapWidth { Val = 60 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return chart;
    }

    private static C.LineChart LineChart(ChartSpec spec)
    {
        var chart = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            chart.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                SeriesText(s, series.Name),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })) { Width = 28575 }),
                new C.Marker(new C.Symbol { Val = s == 0 ? C.MarkerStyleValues.Circle : C.MarkerStyleValues.None }),
                Categories(spec.Categories),
                Values(s, series.Values),
                new C.Smooth { Val = false }));
        }

        chart.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return chart;
    }

    private static C.CategoryAxis CategoryAxis(ChartSpec spec)
    {
        var bar = spec.Kind == ChartKind.StackedBar;
        return new C.CategoryAxis(
            new C.AxisId { Val = 1 },
            new C.Scaling(new C.Orientation { Val = bar ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = bar ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
            AxisTitle(spec.CategoryAxisTitle),
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });
    }

    private static C.ValueAxis ValueAxis(ChartSpec spec)
    {
        var bar = spec.Kind == ChartKind.StackedBar;
        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (spec.ValueRange is { } range)
        {
            scaling.Append(new C.MaxAxisValue { Val = range.Maximum }, new C.MinAxisValue { Val = range.Minimum });
        }

        var axis = new C.ValueAxis(
            new C.AxisId { Val = 2 },
            scaling,
            new C.Delete { Val = false },
            new C.AxisPosition { Val = bar ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
            new C.MajorGridlines(),
            AxisTitle(spec.ValueAxisTitle),
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = bar ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });

        // Counts of a few milestones read better in whole steps than in Word's automatic halves.
        if (bar && StackedMaximum(spec) <= 20)
        {
            axis.Append(new C.MajorUnit { Val = 1 });
        }

        return axis;
    }

    private static C.Title AxisTitle(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1000, Bold = false }, new A.Text(XmlText.Clean(text)))))),
        new C.Overlay { Val = false });

    private static double StackedMaximum(ChartSpec spec) =>
        Enumerable.Range(0, spec.Categories.Count).Select(i => spec.Series.Sum(s => s.Values[i] ?? 0)).DefaultIfEmpty(0).Max();

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1200, Bold = true }, new A.Text(XmlText.Clean(text)))))),
        new C.Overlay { Val = false });

    private static C.SeriesText SeriesText(int series, string name) => new(new C.StringReference(
        new C.Formula($"Sheet1!${Column(series)}$1"),
        new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(XmlText.Clean(name))) { Index = 0 })));

    private static C.ChartShapeProperties Fill(string colour) => new(new A.SolidFill(new A.RgbColorModelHex { Val = colour }));

    private static C.CategoryAxisData Categories(IReadOnlyList<string> categories)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)categories.Count });
        for (var i = 0; i < categories.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(XmlText.Clean(categories[i]))) { Index = (uint)i });
        }

        return new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${categories.Count + 1}"), cache));
    }

    private static C.Values Values(int series, IReadOnlyList<double?> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        var column = Column(series);
        return new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${values.Count + 1}"), cache));
    }

    /// <summary>Series n lives in column B, C, ... of the embedded sheet (column A holds the categories).</summary>
    private static string Column(int series) => ((char)('B' + series)).ToString();
}

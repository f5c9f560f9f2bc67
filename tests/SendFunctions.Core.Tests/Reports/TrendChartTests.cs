using DocumentFormat.OpenXml.Packaging;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;
using SendFunctions.Core.Tests.Support;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>Trend charts plot each figure in the month its data describes, leave gaps, and say where the latest figure is.</summary>
public sealed class TrendChartTests
{
    [Fact]
    public void Render_MetricWithAGapAndLateData_PlotsDataMonthsWithAGap()
    {
        // January's paper; the metric has figures for September and November 2024 only (November's reported in January).
        var status = WithSeries("EHCP20", ("2024-09", 30m), ("2024-11", 37m));

        using var document = WordPackageTests.Open(ReportRenderer.Render(ReportKind.HwbBoard, status, SampleStatus.Config)!.Content);

        var chart = Chart(document, "EHCPs issued within 20 weeks");
        var line = chart.Descendants<C.LineChartSeries>().First();
        Assert.Equal(["September 2024", "October 2024", "November 2024"], line.Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText));
        var points = line.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().ToDictionary(p => p.Index!.Value, p => p.InnerText);
        Assert.Equal(new Dictionary<uint, string> { [0] = "30", [2] = "37" }, points); // no point for October
        Assert.Equal(C.DisplayBlanksAsValues.Gap, chart.Descendants<C.DisplayBlanksAs>().Single().Val!.Value);
    }

    [Fact]
    public void Render_MetricWhoseLatestDataIsEarlier_AltTextNamesTheLatestFigureAndItsMonth()
    {
        var status = WithSeries("EHCP20", ("2024-09", 30m), ("2024-11", 37m));

        using var document = WordPackageTests.Open(ReportRenderer.Render(ReportKind.HwbBoard, status, SampleStatus.Config)!.Content);

        var alt = document.MainDocumentPart!.Document.Body!.Descendants<DW.DocProperties>().Single(d => d.Title!.Value!.StartsWith("EHCPs issued", StringComparison.Ordinal)).Description!.Value!;
        Assert.Contains("Latest available figure: 37% for November 2024.", alt, StringComparison.Ordinal);
        Assert.Contains("No figure for October 2024.", alt, StringComparison.Ordinal);
        Assert.Contains("No figure has been reported for a later month up to January 2025.", alt, StringComparison.Ordinal);
        Assert.Contains("from September 2024 to November 2024.", alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PercentageMetric_AxisRunsFrom0To100WithUnitTitles()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard));

        var chart = Chart(document, "EHCPs issued within 20 weeks");
        var axis = chart.Descendants<C.ValueAxis>().Single();
        Assert.Equal(0d, axis.Scaling!.GetFirstChild<C.MinAxisValue>()!.Val!.Value);
        Assert.Equal(100d, axis.Scaling.GetFirstChild<C.MaxAxisValue>()!.Val!.Value);
        Assert.Equal("Per cent (%)", axis.GetFirstChild<C.Title>()!.InnerText);
        Assert.Equal("Month the data describes", chart.Descendants<C.CategoryAxis>().Single().GetFirstChild<C.Title>()!.InnerText);
    }

    [Fact]
    public void Render_CountMetric_AxisIsWordsOwnWithItsUnit()
    {
        using var document = WordPackageTests.Open(ReportRendererTests.Render("2025-01", ReportKind.HwbBoard));

        var axis = Chart(document, "EHC needs assessments out of time").Descendants<C.ValueAxis>().Single();
        Assert.Null(axis.Scaling!.GetFirstChild<C.MaxAxisValue>());
        Assert.Equal("Count", axis.GetFirstChild<C.Title>()!.InnerText);
    }

    private static C.ChartSpace Chart(WordprocessingDocument document, string titleStart) =>
        document.MainDocumentPart!.ChartParts.Select(p => p.ChartSpace).Single(c => c.Descendants<C.Title>().First().InnerText.StartsWith(titleStart, StringComparison.Ordinal));

    private static PeriodStatus WithSeries(string id, params (string Month, decimal Value)[] points)
    {
        var status = SampleStatus.For("2025-01");
        var series = status.MetricSeries.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        series[id] = points.Select(p => new MetricPoint(ReportingPeriod.Parse(p.Month), p.Value)).ToList();
        return status with
        {
            MetricSeries = series,
            Metrics = status.Metrics.Select(m => m.Reading.Id == id ? m with { Reading = m.Reading with { Value = points[^1].Value, DataPeriod = ReportingPeriod.Parse(points[^1].Month) } } : m).ToList(),
        };
    }
}

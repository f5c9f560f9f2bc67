using System.Globalization;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>Appendix 1, the WSoA Impact Tracker: status summary and chart, a table per workstream, metrics and their trends.</summary>
internal static class ImpactTracker
{
    private const int MaxTrendCharts = 12;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static void Write(WordWriter word, ReportContext context, int headingLevel)
    {
        var status = context.Status;
        word.Heading(headingLevel, $"Appendix 1: WSoA Impact Tracker, {context.Month}");
        word.Paragraph($"Status as at {Words.Date(status.Period.AsOf)}. Each status is given in words and by colour: Complete (blue), On track (green), Delayed but not at risk (amber), At risk (red).");

        word.Heading(headingLevel + 1, "Status summary");
        word.Paragraph(Narrative.Milestones(status.Summary.Counts));
        if (Narrative.OnHold(status) is { } onHold)
        {
            word.Paragraph(onHold);
        }

        SummaryTable(word, status);
        StatusChart(word, status);

        var annex = new CommentaryAnnex(context.Settings.CommentaryMaxCharacters, "at the end of this appendix");
        foreach (var workstream in status.Summary.Workstreams)
        {
            word.Heading(headingLevel + 1, workstream.Workstream);
            word.Paragraph(Narrative.Milestones(workstream.Counts));
            MilestoneTable(word, workstream.Workstream, status.Milestones.Where(m => string.Equals(m.Milestone.Workstream, workstream.Workstream, StringComparison.OrdinalIgnoreCase)).ToList(), status.HasPreviousPeriod, annex, status.Since);
        }

        if (status.Removed.Count > 0)
        {
            word.Heading(headingLevel + 1, "Milestones no longer reported");
            word.Paragraph($"{Words.Lead(status.Removed.Count, "milestone")} {status.ReportedBefore} {Words.WasWere(status.Removed.Count)} not in this month's return. Owners should confirm whether each was completed, merged or withdrawn.");
            word.Table(new TableSpec(
                "Milestones no longer reported",
                status.ComparedWith is { } since
                    ? $"Milestones in the {since.ToLongName()} return that are missing from this month's, with their {since.ToLongName()} status."
                    : "Milestones in last month's return that are missing from this month's, with last month's status.",
                ["ID", "Milestone", "Workstream", status.ComparedWith is { } month ? $"{month.ToLongName()} status" : "Last month's status"],
                status.Removed.Select(r => (IReadOnlyList<TableCellSpec>)[r.Milestone.Id, r.Milestone.Title, r.Milestone.Workstream, new TableCellSpec(StatusWord(r), r.Rag)]).ToList()));
        }

        word.Heading(headingLevel + 1, "Performance metrics");
        foreach (var sentence in Narrative.MetricsOf(status))
        {
            word.Paragraph(sentence);
        }

        if (status.Returns.Metrics.IsAccepted)
        {
            MetricTable(word, status.Metrics);
            MetricCommentary(word, status.Metrics);
            TrendCharts(word, context, headingLevel + 1);
        }
        else if (status.EarlierMetrics is { } earlier)
        {
            MetricTable(word, earlier.Value, earlier.Period);
            MetricCommentary(word, earlier.Value);
        }

        annex.Write(word, headingLevel + 1);
    }

    /// <summary>"On track", or "On track, on hold" for a milestone its owner reports on hold: never a bare "On track".</summary>
    public static string StatusWord(MilestoneAssessment assessment) =>
        StatusWord(assessment.Status) + (assessment.OnHold ? ", on hold" : string.Empty);

    public static string StatusWord(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Complete => "Complete",
        MilestoneStatus.OnTrack => "On track",
        MilestoneStatus.Delayed => "Delayed, not at risk",
        MilestoneStatus.AtRisk => "At risk",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static void MilestoneTable(WordWriter word, string caption, IReadOnlyList<MilestoneAssessment> milestones, bool withMovement, CommentaryAnnex annex, string since = "last month")
    {
        word.Table(new TableSpec(
            caption,
            $"Milestones for {caption}: reference, milestone, owner, due and revised dates, status, days delayed, movement since {since} and commentary.",
            ["ID", "Milestone", "Owner", "Due", "Revised", "Status", "Delay (days)", "Movement", "Commentary"],
            milestones.Select(m => (IReadOnlyList<TableCellSpec>)
            [
                m.Milestone.Id,
                m.Milestone.Title,
                m.Milestone.Owner,
                ReportContext.Date(m.Milestone.Due),
                m.Milestone.Revised is { } r ? ReportContext.Date(r) : string.Empty,
                new TableCellSpec(StatusWord(m), m.Rag),
                Delay(m),
                withMovement ? MovementWord(m.Movement) : "Not available",
                annex.Cell(m.Milestone),
            ]).ToList()));
    }

    private static void SummaryTable(WordWriter word, PeriodStatus status)
    {
        var rows = status.Summary.Workstreams
            .Select(w => Counts(w.Workstream, w.Counts, bold: false))
            .Append(Counts("All workstreams", status.Summary.Counts, bold: true))
            .ToList();
        word.Table(new TableSpec(
            "Status summary by workstream",
            "Number of milestones in each workstream by status, with the percentage complete; the last row totals all workstreams.",
            ["Workstream", "Milestones", "Complete", "On track", "Delayed, not at risk", "At risk", "Complete (%)"],
            rows));
    }

    private static IReadOnlyList<TableCellSpec> Counts(string name, StatusCounts c, bool bold) =>
    [
        new(name, Rag.None, bold), new(N(c.Total), Rag.None, bold), new(N(c.Complete), Rag.None, bold), new(N(c.OnTrack), Rag.None, bold),
        new(N(c.Delayed), Rag.None, bold), new(N(c.AtRisk), Rag.None, bold), new(N(c.PercentComplete), Rag.None, bold),
    ];

    private static void StatusChart(WordWriter word, PeriodStatus status)
    {
        var workstreams = status.Summary.Workstreams;
        var counts = status.Summary.Counts;
        word.Chart(new ChartSpec(
            ChartKind.StackedBar,
            "Milestones by status and workstream",
            $"Stacked bar chart of milestone status for each of {Words.Count(workstreams.Count, "workstream")}. Overall: {N(counts.Complete)} complete, {N(counts.OnTrack)} on track, {N(counts.Delayed)} delayed but not at risk and {N(counts.AtRisk)} at risk. The status summary table gives the same figures.",
            workstreams.Select(w => w.Workstream).ToList(),
            [
                new ChartSeries("Complete", Palette.ChartColour(Rag.Blue), workstreams.Select(w => (double?)w.Counts.Complete).ToList()),
                new ChartSeries("On track", Palette.ChartColour(Rag.Green), workstreams.Select(w => (double?)w.Counts.OnTrack).ToList()),
                new ChartSeries("Delayed, not at risk", Palette.ChartColour(Rag.Amber), workstreams.Select(w => (double?)w.Counts.Delayed).ToList()),
                new ChartSeries("At risk", Palette.ChartColour(Rag.Red), workstreams.Select(w => (double?)w.Counts.AtRisk).ToList()),
            ],
            "Workstream",
            "Number of milestones",
            HeightTwips: Math.Clamp(1440 + (workstreams.Count * 400), 2880, 8000)));
    }

    /// <param name="earlier">The month the metrics come from when they are the last accepted month's, shown in place of a missing return.</param>
    public static void MetricTable(WordWriter word, IReadOnlyList<MetricAssessment> metrics, Periods.ReportingPeriod? earlier = null)
    {
        word.Table(new TableSpec(
            earlier is { } from ? $"Performance metrics from the {from.ToLongName()} return" : "Performance metrics",
            (earlier is { } month ? $"Figures from the {month.ToLongName()} metrics return, the last one accepted. " : string.Empty)
            + "Each metric's latest value, target, RAG rating, change since the previous figure with its direction, the month the data describes and whether it is out of date.",
            ["Metric", "Area", "Value", "Target", "RAG", "Change", "Data month", "Up to date"],
            metrics.Select(m => (IReadOnlyList<TableCellSpec>)
            [
                m.Reading.Name,
                m.Reading.Area,
                Value(m.Reading, m.Reading.Value),
                m.Reading.Target is { } t ? Value(m.Reading, t) : "None",
                new TableCellSpec(Palette.Word(m.Rag), m.Rag),
                Change(m),
                m.Reading.DataPeriod.ToLongName(),
                m.Stale ? "No: two or more months old" : "Yes",
            ]).ToList()));
    }

    /// <summary>The owners' commentary on the measures in a table, in its order, after it; nothing when none was given.</summary>
    public static void MetricCommentary(WordWriter word, IReadOnlyList<MetricAssessment> metrics)
    {
        var commented = metrics.Where(m => m.Reading.Commentary is not null).ToList();
        if (commented.Count == 0)
        {
            return;
        }

        word.Paragraph("Commentary on the measures, from their owners:");
        word.BulletList(commented.Select(m => $"{m.Reading.Name}: {m.Reading.Commentary}"));
    }

    private static void TrendCharts(WordWriter word, ReportContext context, int level)
    {
        var wanted = context.Settings.TrendMetrics;
        var charted = context.Status.Metrics
            .Where(m => wanted is null ? m.Reading.Target is not null : wanted.Contains(m.Reading.Id, StringComparer.OrdinalIgnoreCase))
            .Where(m => context.Status.MetricSeries.TryGetValue(m.Reading.Id, out var points) && points.Count >= 2)
            .Take(MaxTrendCharts)
            .ToList();
        if (charted.Count == 0)
        {
            return;
        }

        word.Heading(level, "Metric trends");
        foreach (var metric in charted)
        {
            word.Chart(TrendChart(metric.Reading, context.Status.MetricSeries[metric.Reading.Id], context.Status.Period, context.Status.Business.Targets));
        }
    }

    /// <summary>
    /// A metric by the month its data describes, one category per month from the first figure to the latest, with a gap
    /// where no drop gave a figure for a month; the alt text names the latest figure and its month.
    /// </summary>
    private static ChartSpec TrendChart(MetricReading reading, IReadOnlyList<MetricPoint> points, ReportingPeriod period, IReadOnlyList<MetricTarget>? targets)
    {
        var trajectory = (targets ?? []).Where(t => string.Equals(t.MetricId, reading.Id, StringComparison.OrdinalIgnoreCase)).OrderBy(t => t.Period).ToList();
        if (trajectory.Count > 0)
        {
            return TrajectoryChart(reading, points, period, trajectory);
        }

        var first = points[0].Period;
        var latest = points[^1];
        var months = Enumerable.Range(0, latest.Period.MonthsSince(first) + 1).Select(first.AddMonths).ToList();
        var byMonth = points.ToDictionary(p => p.Period, p => p.Value);
        var series = new List<ChartSeries>
        {
            new(reading.Name, Palette.ChartColour(Rag.Blue), months.Select(m => byMonth.TryGetValue(m, out var v) ? (double?)(double)v : null).ToList()),
        };
        if (reading.Target is { } target)
        {
            series.Add(new ChartSeries("Target", Palette.ChartColour(Rag.None), months.Select(_ => (double?)(double)target).ToList()));
        }

        var gaps = months.Where(m => !byMonth.ContainsKey(m)).Select(m => m.ToLongName()).ToList();
        var alt = $"Line chart of {reading.Name} by the month the data describes, from {first.ToLongName()} to {latest.Period.ToLongName()}. "
            + $"Latest available figure: {Value(reading, latest.Value)} for {latest.Period.ToLongName()}."
            + (gaps.Count > 0 ? $" No figure for {Words.List(gaps)}." : string.Empty)
            + (latest.Period < period ? $" No figure has been reported for a later month up to {period.ToLongName()}." : string.Empty)
            + (reading.Target is { } t ? $" Target: {Value(reading, t)}." : string.Empty);
        return MetricLineChart(reading, alt, months, series);
    }

    /// <summary>A metric's line chart by the month its data describes, 0-100 for a percentage.</summary>
    private static ChartSpec MetricLineChart(MetricReading reading, string alt, IReadOnlyList<ReportingPeriod> months, IReadOnlyList<ChartSeries> series) => new(
        ChartKind.Line,
        $"{reading.Name} ({Unit(reading.Unit)})",
        alt,
        months.Select(m => m.ToLongName()).ToList(),
        series,
        "Month the data describes",
        AxisTitle(reading.Unit),
        reading.Unit == MetricUnit.Percent ? (0, 100) : null,
        HeightTwips: 4320);

    /// <summary>
    /// The trend chart of a metric with a trajectory: the months run from the first figure or step to the last, and the
    /// target line steps to each new target in its month.
    /// </summary>
    private static ChartSpec TrajectoryChart(MetricReading reading, IReadOnlyList<MetricPoint> points, ReportingPeriod period, List<MetricTarget> trajectory)
    {
        var first = points[0].Period < trajectory[0].Period ? points[0].Period : trajectory[0].Period;
        var last = points[^1].Period > trajectory[^1].Period ? points[^1].Period : trajectory[^1].Period;
        var months = Enumerable.Range(0, last.MonthsSince(first) + 1).Select(first.AddMonths).ToList();
        var byMonth = points.ToDictionary(p => p.Period, p => p.Value);
        var steps = months.Select(m => trajectory.LastOrDefault(t => t.Period <= m)?.Target).ToList();
        var series = new List<ChartSeries>
        {
            new(reading.Name, Palette.ChartColour(Rag.Blue), months.Select(m => byMonth.TryGetValue(m, out var v) ? (double?)(double)v : null).ToList()),
            new("Target (trajectory)", Palette.ChartColour(Rag.None), steps.Select(t => t is { } v ? (double?)(double)v : null).ToList()),
        };
        var latest = points[^1];
        var alt = $"Line chart of {reading.Name} by the month the data describes, from {first.ToLongName()} to {last.ToLongName()}, with its target trajectory. "
            + $"Latest available figure: {Value(reading, latest.Value)} for {latest.Period.ToLongName()}."
            + (latest.Period < period ? $" No figure has been reported for a later month up to {period.ToLongName()}." : string.Empty)
            + $" Target trajectory: {Words.List(trajectory.Select(t => $"{Value(reading, t.Target)} from {t.Period.ToLongName()}").ToList())}.";
        return MetricLineChart(reading, alt, months, series);
    }

    private static string AxisTitle(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "Per cent (%)",
        MetricUnit.Pounds => "Pounds (£)",
        MetricUnit.Weeks => "Weeks",
        MetricUnit.Days => "Days",
        MetricUnit.Count => "Count",
        _ => "Number",
    };

    private static string Delay(MilestoneAssessment m) =>
        m.DelayDays > 0 ? N(m.DelayDays) : m.ForecastDelayDays is { } f ? $"0 ({N(f)} forecast)" : "0";

    private static string MovementWord(Movement? movement) => movement switch
    {
        null => "Not available",
        Movement.Slipped => "Slipped (later date)",
        { } m => m.ToString(),
    };

    private static string Change(MetricAssessment m)
    {
        if (m.Trend is not { } trend)
        {
            return "No previous figure";
        }

        var arrow = trend switch { Trend.Up => "\u25B2 up", Trend.Down => "\u25BC down", _ => "\u25B6 no change" };
        var amount = m.Change is { } c ? $" {Math.Abs(c).ToString("0.0", CultureInfo.InvariantCulture)}{(m.Reading.Unit == MetricUnit.Percent ? " percentage points" : "%")}" : string.Empty;
        var direction = m.Direction switch { Direction.Improving => " (improving)", Direction.Worsening => " (worsening)", _ => string.Empty };
        return trend == Trend.Flat ? arrow : arrow + amount + direction;
    }

    internal static string Value(MetricReading reading, decimal value) => reading.Unit switch
    {
        MetricUnit.Percent => $"{value.ToString("0.#", CultureInfo.InvariantCulture)}%",
        MetricUnit.Pounds => value.ToString("C0", British),
        MetricUnit.Weeks => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} weeks",
        MetricUnit.Days => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} days",
        _ => value.ToString("#,0.#", British),
    };

    private static string Unit(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "per cent",
        MetricUnit.Pounds => "pounds",
        MetricUnit.Weeks => "weeks",
        MetricUnit.Days => "days",
        MetricUnit.Count => "count",
        _ => "number",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}

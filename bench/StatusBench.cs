using System.Diagnostics;
using System.Globalization;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Bench;

/// <summary>Times <see cref="StatusEngine.Compute"/> on generated milestones with twelve months of history.</summary>
internal static class StatusBench
{
    public static void Run(int milestones, TextWriter output)
    {
        var period = ReportingPeriod.Of(2025, 1);
        var inputs = Inputs(period, milestones, metrics: 100, historyMonths: 12);
        for (var i = 0; i < 5; i++)
        {
            StatusEngine.Compute(inputs);
        }

        var times = new List<double>();
        PeriodStatus? status = null;
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            status = StatusEngine.Compute(inputs);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status engine: {milestones:N0} milestones (+ previous month), 100 metrics x 12 months of history: median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms over 21 runs ({status!.Summary.Counts.AtRisk:N0} at risk)"));
    }

    internal static PeriodInputs Inputs(ReportingPeriod period, int count, int metrics, int historyMonths)
    {
        var random = new Random(20250131);
        List<Milestone> Month(ReportingPeriod p) => Enumerable.Range(0, count).Select(i =>
        {
            var due = period.AsOf.AddDays(random.Next(-200, 300));
            var revised = random.Next(3) == 0 ? due.AddDays(random.Next(0, 200)) : (DateOnly?)null;
            var done = random.Next(4) == 0 && due <= p.AsOf ? due : (DateOnly?)null;
            return new Milestone($"WS{i % 6}-{i:D5}", $"Workstream {i % 6}", "Milestone", "Lead", due, revised, done,
                done is null ? ReportedStatus.InProgress : ReportedStatus.Complete, random.Next(10) == 0, "x");
        }).ToList();
        List<MetricReading> Metrics(ReportingPeriod p) => Enumerable.Range(0, metrics)
            .Select(i => new MetricReading($"M{i}", "Metric", "Area", MetricUnit.Percent, Polarity.Higher, random.Next(0, 100), p, 58, 22)).ToList();
        var history = Enumerable.Range(1, historyMonths).Select(k => period.AddMonths(-k)).Select(p => new MetricDrop(p, Metrics(p))).ToList();
        return new PeriodInputs(period, new DateOnly(2025, 10, 31), Month(period), Month(period.Previous), Metrics(period), history, []);
    }
}

using System.Diagnostics;
using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Bench;

/// <summary>Times rendering the hwb-board paper (status computed beforehand) at two sizes.</summary>
internal static class RenderBench
{
    public static void Run(TextWriter output)
    {
        var config = new ReportingConfig(
            new ProgrammeSettings("Benchmark programme", "Benchmark", new DateOnly(2025, 10, 31), new Person("Lead", "lead@example.gov.uk")),
            new Dictionary<string, DatasetSettings>(),
            new Dictionary<string, ReportSettings>
            {
                ["hwb-board"] = new("Health and Wellbeing Board", "SEND Improvement", new Distribution(["clerk@example.gov.uk"]), "Director"),
            });
        foreach (var (milestones, metrics, runs) in new[] { (500, 100, 11), (10_000, 100, 3) })
        {
            var status = StatusEngine.Compute(StatusBench.Inputs(ReportingPeriod.Of(2025, 1), milestones, metrics, historyMonths: 12));
            ReportRenderer.Render(ReportKind.HwbBoard, status, config);
            var times = new List<double>();
            var bytes = 0;
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                bytes = ReportRenderer.Render(ReportKind.HwbBoard, status, config)!.Content.Length;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"render hwb-board: {milestones:N0} milestones, {metrics} metrics with 12 months of history: median {times[times.Count / 2]:F0} ms over {runs} runs, {bytes / 1024.0:F0} KB"));
        }
    }
}

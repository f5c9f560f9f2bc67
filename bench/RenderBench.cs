using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Bench;

/// <summary>
/// Times rendering the hwb-board paper (status computed beforehand) beside its lower bound: the same paragraphs and table
/// cells written straight into a package with the Open XML SDK's <c>OpenXmlWriter</c> (<see cref="StreamedCopy"/>).
/// Rounds run both in alternating order after a warm-up; the ratio is the median of the rounds' ratios.
/// </summary>
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
        output.WriteLine($"case                          ours (ms)  SAX lower bound (ms)  ours / bound  peak MB   paper ({Measure.Clock})");
        foreach (var (milestones, rounds) in new[] { (500, 11), (10_000, 5) })
        {
            var status = StatusEngine.Compute(StatusBench.Inputs(ReportingPeriod.Of(2025, 1), milestones, metrics: 100, historyMonths: 12));
            var paper = ReportRenderer.Render(ReportKind.HwbBoard, status, config)!.Content;
            var content = StreamedCopy.Read(paper);
            StreamedCopy.Write(content);

            var ours = new List<double>();
            var bound = new List<double>();
            var ratios = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var first = i % 2 == 0;
                var a = first ? Measure.Seconds(Render) : Measure.Seconds(Copy);
                var b = first ? Measure.Seconds(Copy) : Measure.Seconds(Render);
                var (project, peer) = first ? (a, b) : (b, a);
                ours.Add(project);
                bound.Add(peer);
                ratios.Add(project / peer);
            }

            var (peak, _) = Measure.Memory(Render);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"render hwb-board {milestones,7:N0} ms {Measure.Median(ours) * 1000,10:F0} {Measure.Median(bound) * 1000,21:F0} {Measure.Median(ratios),12:F2}x {peak,8:F1}   {paper.Length / 1024.0:F0} KB, {content.Cells:N0} table cells"));

            int Render() => ReportRenderer.Render(ReportKind.HwbBoard, status, config)!.Content.Length;
            int Copy() => StreamedCopy.Write(content).Length;
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SendFunctions.Cli.Workbooks;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx bench</c>: rows per second and peak memory for validating large generated drops.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rows = new Option<int>("--rows") { Description = "Data rows per generated file.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("bench", "Measure validation throughput and peak memory on generated 100,000-row drops.") { rows };
        command.SetAction(result => Run(result.GetValue(rows), output, error));
        return command;
    }

    private static int Run(int rows, TextWriter output, TextWriter error)
    {
        if (rows < 1)
        {
            error.WriteLine("--rows must be at least 1.");
            return SendfxApp.Usage;
        }

        var folder = Directory.CreateTempSubdirectory("sendfx-bench-");
        try
        {
            var period = ReportingPeriod.Of(2025, 1);
            var csv = Path.Combine(folder.FullName, "metrics.csv");
            var xlsx = Path.Combine(folder.FullName, "milestones.xlsx");
            BenchData.WriteMetricsCsv(csv, rows);
            BenchData.WriteMilestonesXlsx(xlsx, rows);
            output.WriteLine("case                                  rows   file MB   seconds     rows/s  peak managed MB");
            foreach (var keepRows in new[] { false, true })
            {
                var mode = keepRows ? "ingest" : "check";
                Measure($"metrics CSV, {mode}", new DropPath(period, Dataset.Metrics, FileFormat.Csv), csv, keepRows, output);
                Measure($"milestones XLSX, {mode}", new DropPath(period, Dataset.Milestones, FileFormat.Xlsx), xlsx, keepRows, output);
            }

            output.WriteLine("check: sendfx validate (rows not held); ingest: IngestDrop (rows held for the curated JSON).");
            StatusBench.Run(10_000, output);
            RenderBench.Run(output);
            return SendfxApp.Ok;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Measure(string name, DropPath drop, string path, bool keepRows, TextWriter output)
    {
        // Warm-up on the same file so JIT time is not counted.
        Validate(drop, path, keepRows);
        Validate(drop, path, keepRows);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var sampler = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        var result = Validate(drop, path, keepRows);
        clock.Stop();
        var peak = sampler.Stop();
        var megabytes = new FileInfo(path).Length / 1048576.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {result.Report.Rows,11:N0} {megabytes,9:F1} {clock.Elapsed.TotalSeconds,9:F3} {result.Report.Rows / clock.Elapsed.TotalSeconds,10:N0} {peak / 1048576.0,16:F1}"));
    }

    private static DropValidation Validate(DropPath drop, string path, bool keepRows)
    {
        // A 100,000-row workbook expands past the 50 MB default limit, so the benchmark raises it.
        using var stream = File.OpenRead(path);
        var limits = IngestionLimits.Default with { MaxUncompressedBytes = 1024L * 1024 * 1024 };
        return DropValidator.Validate(drop, stream, new ValidationSettings(new DateOnly(2025, 10, 31), limits, keepRows));
    }

    private sealed class PeakMemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<long> sampling;

        public PeakMemorySampler() => sampling = Task.Run(Sample);

        public long Stop()
        {
            stop.Cancel();
            return sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => stop.Dispose();

        private async Task<long> Sample()
        {
            long peak = 0;
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(5, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return Math.Max(peak, GC.GetTotalMemory(false));
        }
    }
}

using System.Globalization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Bench;

/// <summary>
/// The project's drop readers beside a peer reading the same file. Every round runs each case's project and peer once, in
/// alternating order, after two warm-up rounds; the ratio is the median of the rounds' ratios, so drift in a noisy machine's
/// speed affects both sides of a ratio alike. "check" is sendfx validate (rows not held); "ingest" is IngestDrop (rows held).
/// </summary>
internal static class ReaderBench
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Of(2025, 1);

    public static void Run(BenchOptions options, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("sendfx-bench-");
        try
        {
            output.WriteLine("case                      rows  file MB  project s  peer               peer s  ratio (median)  rows/s    added MB (first / later)  alloc B/row");
            foreach (var rows in options.Sizes)
            {
                var csv = Path.Combine(folder.FullName, $"metrics-{rows}.csv");
                var xlsx = Path.Combine(folder.FullName, $"milestones-{rows}.xlsx");
                BenchData.WriteMetricsCsv(csv, rows);
                BenchData.WriteMilestonesXlsx(xlsx, rows);
                var cases = new List<Case>
                {
                    new("metrics CSV, check", csv, Project(Dataset.Metrics, FileFormat.Csv, csv, keepRows: false), "Sylvan.Data.Csv", () => Peers.SylvanCsv(csv)),
                    new("metrics CSV, ingest", csv, Project(Dataset.Metrics, FileFormat.Csv, csv, keepRows: true), "Sylvan.Data.Csv", () => Peers.SylvanCsv(csv)),
                    new("milestones XLSX, check", xlsx, Project(Dataset.Milestones, FileFormat.Xlsx, xlsx, keepRows: false), "ExcelDataReader", () => Peers.ExcelDataReaderXlsx(xlsx)),
                    new("milestones XLSX, ingest", xlsx, Project(Dataset.Milestones, FileFormat.Xlsx, xlsx, keepRows: true), "ExcelDataReader", () => Peers.ExcelDataReaderXlsx(xlsx)),
                };
                // Memory first, each case's first run in the process, the checks before the ingests: an ingest's rows
                // are held in blocks the shared pool keeps afterwards, which a later call would find already there.
                var first = cases.OrderBy(c => c.Name.Contains("ingest", StringComparison.Ordinal)).ToDictionary(c => c, c => Measure.MemoryAdded(c.Project).AddedMegabytes);
                Interleave(cases, options.RoundsFor(rows));
                foreach (var c in cases)
                {
                    var (later, perRow) = Measure.MemoryAdded(c.Project);
                    var projectSeconds = Measure.Median(c.ProjectSeconds);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Name,-23} {rows,7:N0} {new FileInfo(c.File).Length / 1048576.0,8:F1} {projectSeconds,10:F3}  {c.PeerName,-16} {Measure.Median(c.PeerSeconds),8:F3} {Measure.Median(c.Ratios),10:F2}x     {rows / projectSeconds,10:N0} {first[c],8:F1} / {later,5:F1} {perRow,12:N0}"));
                }
            }

            output.WriteLine($"ratio: project time / peer time ({Measure.Clock}), median over rounds; rows/s, added MB and alloc B/row: the project; added MB is how far the managed heap grew above its size at the start, at its peak (sampled every ms), on the case's first run in the process and on a run after the rounds (when blocks the shared pool kept are reused); alloc B/row is that later run's.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Interleave(List<Case> cases, int rounds)
    {
        for (var round = -2; round < rounds; round++)
        {
            foreach (var c in cases)
            {
                double project, peer;
                if (round % 2 == 0)
                {
                    project = Measure.Seconds(c.Project);
                    peer = Measure.Seconds(c.Peer);
                }
                else
                {
                    peer = Measure.Seconds(c.Peer);
                    project = Measure.Seconds(c.Project);
                }

                if (round >= 0)
                {
                    c.ProjectSeconds.Add(project);
                    c.PeerSeconds.Add(peer);
                    c.Ratios.Add(project / peer);
                }
            }
        }
    }

    private static Func<int> Project(Dataset dataset, FileFormat format, string path, bool keepRows) => () =>
    {
        // Generated workbooks past 100,000 rows expand beyond the 50 MB default limit, so the benchmark raises it.
        using var stream = File.OpenRead(path);
        var limits = IngestionLimits.Default with { MaxUncompressedBytes = 8L * 1024 * 1024 * 1024 };
        // Disposed of as ingestion does once the curated data is written: the rows' pooled memory serves the next drop.
        using var result = DropValidator.Validate(new DropPath(Period, dataset, format), stream, new ValidationSettings(new DateOnly(2025, 10, 31), limits, keepRows));
        if (!result.Valid)
        {
            throw new InvalidOperationException($"The generated {dataset} file was rejected: {result.Report.Errors[0].Message}");
        }

        return result.Report.Rows;
    };

    private sealed record Case(string Name, string File, Func<int> Project, string PeerName, Func<int> Peer)
    {
        public List<double> ProjectSeconds { get; } = [];

        public List<double> PeerSeconds { get; } = [];

        public List<double> Ratios { get; } = [];
    }
}

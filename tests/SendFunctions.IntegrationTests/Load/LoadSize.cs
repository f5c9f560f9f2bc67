using SendFunctions.Core.Periods;

namespace SendFunctions.IntegrationTests.Load;

/// <summary>
/// How big the load and fault tests are: <c>SENDFX_LOAD_SCALE</c> (a whole number, default 1, the reduced size CI runs)
/// multiplies every count. By hand: <c>SENDFX_LOAD_SCALE=8 dotnet test ... --filter Category=Load</c> uploads 480 drops over
/// 80 months in the burst.
/// </summary>
internal static class LoadSize
{
    public static int Scale { get; } = int.TryParse(Environment.GetEnvironmentVariable("SENDFX_LOAD_SCALE"), out var scale) && scale > 0 ? scale : 1;

    /// <summary>Six drops a month over <paramref name="months"/> months, times the scale: real sample files (CSV and XLSX) of every kind.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Drops(int months, int perMonth = 6, string firstMonth = "2041-01")
    {
        var samples = Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01");
        string[] files = ["milestones.csv", "metrics.xlsx", "actions.csv", "updates.csv", "decisions.csv", "risks.csv", "targets.xlsx"];
        var contents = files.Take(perMonth).Select(f => (File: f, Bytes: File.ReadAllBytes(Path.Combine(samples, f)))).ToList();
        var month = ReportingPeriod.Parse(firstMonth);
        var drops = new List<(string, byte[])>();
        for (var i = 0; i < months * Scale; i++, month = month.Next)
        {
            drops.AddRange(contents.Select(c => ($"{month}/{c.File}", c.Bytes)));
        }

        return drops;
    }

    /// <summary>A milestones file that is accepted in any month before 2060 (one milestone, due after it).</summary>
    public static byte[] Milestones { get; } = "Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2060\r\n"u8.ToArray();
}

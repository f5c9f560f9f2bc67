using System.Globalization;
using System.Text;

using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Bench;

/// <summary>Large, valid drops for benchmarks: varied values so parsing does real work.</summary>
internal static class BenchData
{
    private static readonly string[] Workstreams =
    [
        "Leadership and governance", "EHCP timeliness and quality", "Neurodevelopmental pathway", "Speech and language therapy", "Co-production", "Preparing for adulthood",
    ];

    public static void WriteMetricsCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("MetricId,Metric,Area,Unit,Polarity,Value,DataPeriod,Target,Baseline\r\n");
        for (var i = 0; i < rows; i++)
        {
            var unit = (i % 3) switch { 0 => "%", 1 => "weeks", _ => "£" };
            var value = unit == "%" ? (i % 100).ToString(CultureInfo.InvariantCulture) + "%" : unit == "£" ? "\"£1,100,000\"" : (i % 52).ToString(CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"M{i:D6},\"EHCPs issued within 20 weeks, measure {i}\",{Workstreams[i % Workstreams.Length]},{unit},Higher is better,{value},2025-01,58,22\r\n"));
        }
    }

    public static void WriteMilestonesXlsx(string path, int rows)
    {
        using var stream = File.Create(path);
        WorkbookBuilder.Write(stream, "Milestones", MilestoneRows(rows));
    }

    private static IEnumerable<IReadOnlyList<WorkbookValue>> MilestoneRows(int rows)
    {
        yield return ["Milestone ID", "Workstream", "Milestone", "Owner", "Due Date", "Revised Due Date", "Completed Date", "Status", "At Risk", "Commentary"];
        var start = new DateOnly(2024, 6, 1);
        for (var i = 0; i < rows; i++)
        {
            var due = start.AddDays(i % 400);
            var complete = i % 4 == 0 && due <= new DateOnly(2025, 1, 31);
            yield return
            [
                $"WS{(i % 6) + 1}-{i:D6}", Workstreams[i % Workstreams.Length], $"Deliver improvement action {i} across the local area", "Head of SEND",
                WorkbookValue.Of(due), i % 5 == 0 ? WorkbookValue.Of(due.AddDays(30)) : string.Empty, complete ? WorkbookValue.Of(due) : string.Empty,
                complete ? "Complete" : "In progress", i % 7 == 0 ? "Yes" : "No", "Progress reported to the Partnership Board.",
            ];
        }
    }
}

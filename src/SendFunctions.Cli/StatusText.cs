using System.Globalization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Status;

namespace SendFunctions.Cli;

/// <summary>The period's status as a readable table, RAG in words.</summary>
internal static class StatusText
{
    public static void Write(PeriodStatus status, TextWriter output)
    {
        output.WriteLine($"{status.Period.ToLongName()} (as at {Words.Date(status.Period.AsOf)}; WSoA deadline {Words.Date(status.Deadline)})");
        output.WriteLine(string.Join(", ", status.Returns.All.Select(r => $"{r.Dataset.ToSlug()} {r.State}")));
        output.WriteLine();
        output.WriteLine($"{"Milestone",-8} {"Status",-8} {"RAG",-6} {"Delay",6} {"Forecast",9} {"Movement",-10} Workstream");
        foreach (var m in status.Milestones)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Milestone.Id,-8} {m.Status,-8} {m.Rag,-6} {m.DelayDays,6} {m.ForecastDelayDays?.ToString(CultureInfo.InvariantCulture) ?? "-",9} {m.Movement?.ToString() ?? "-",-10} {m.Milestone.Workstream}{(m.OnHold ? " (on hold)" : string.Empty)}"));
        }

        foreach (var r in status.Removed)
        {
            output.WriteLine($"{r.Milestone.Id,-8} Removed (reported last month, not this month)");
        }

        if (status.Metrics.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{"Metric",-12} {"Value",12} {"Target",12} {"RAG",-6} {"Change",8} {"Trend",-5} {"Direction",-10} Stale");
            foreach (var m in status.Metrics)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Reading.Id,-12} {m.Reading.Value,12} {m.Reading.Target?.ToString(CultureInfo.InvariantCulture) ?? "-",12} {m.Rag,-6} {m.Change?.ToString(CultureInfo.InvariantCulture) ?? "-",8} {m.Trend?.ToString() ?? "-",-5} {m.Direction?.ToString() ?? "-",-10} {(m.Stale ? "stale" : string.Empty)}"));
            }
        }

        output.WriteLine();
        foreach (var sentence in Narrative.For(status))
        {
            output.WriteLine(sentence);
        }
    }
}

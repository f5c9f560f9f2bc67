using System.Diagnostics;

namespace SendFunctions.Bench;

/// <summary>One timed call, started from a collected heap; and the peak managed heap while a call runs, sampled every millisecond.</summary>
internal static class Measure
{
    public static double Seconds(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Peak managed heap (MB) and bytes allocated per row by this thread.</summary>
    public static (double PeakMegabytes, double AllocatedPerRow) Memory(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(1))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
            }
        })
        { IsBackground = true };
        sampler.Start();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        stop.Set();
        sampler.Join();
        return (peak / 1048576.0, allocated / (double)Math.Max(1, rows));
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

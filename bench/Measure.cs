using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SendFunctions.Bench;

/// <summary>
/// One timed call, started from a collected heap; and the peak managed heap while a call runs, sampled every millisecond.
/// On Linux the time is the calling thread's CPU time (user and system, from getrusage), which other processes on a
/// shared machine do not inflate; elsewhere it is wall-clock time. Collections of generations 0 and 1 run on the
/// allocating thread, so their cost is counted.
/// </summary>
internal static partial class Measure
{
    private const int ThreadUsage = 1; // RUSAGE_THREAD

    public static string Clock { get; } = OperatingSystem.IsLinux() ? "thread CPU time" : "wall-clock time";

    public static double Seconds(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux())
        {
            var before = ThreadCpuSeconds();
            run();
            return ThreadCpuSeconds() - before;
        }

        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }

    private static double ThreadCpuSeconds()
    {
        if (GetResourceUsage(ThreadUsage, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this harness does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private unsafe fixed long rest[14];
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

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SendFunctions.Bench;

/// <summary>
/// One timed call, started from a collected heap; and the peak managed heap while a call runs, sampled every millisecond.
/// On Linux the time is the calling thread's CPU time (clock_gettime's thread clock, exact to the nanosecond, where
/// getrusage counts whole scheduler ticks), which other processes on a shared machine do not inflate; elsewhere it is wall-clock time. Collections of generations 0 and 1 run on the
/// allocating thread, so their cost is counted.
/// </summary>
internal static partial class Measure
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID: the scheduler's own count, in nanoseconds

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
        if (GetClock(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed ({Marshal.GetLastPInvokeError()}).");
        }

        return time.Seconds + (time.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int GetClock(int clock, out TimeSpec time);

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Peak managed heap (MB) and bytes allocated per row by this thread.</summary>
    public static (double PeakMegabytes, double AllocatedPerRow) Memory(Func<int> run) => Memory(run, fromStart: false);

    /// <summary>
    /// How far the managed heap grew above its size at the start of the call at its peak (MB), and bytes allocated per
    /// row by this thread: what the call added, not what earlier calls left (arrays the shared pool keeps included).
    /// </summary>
    public static (double AddedMegabytes, double AllocatedPerRow) MemoryAdded(Func<int> run) => Memory(run, fromStart: true);

    private static (double Megabytes, double AllocatedPerRow) Memory(Func<int> run, bool fromStart)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = GC.GetTotalMemory(false);
        long peak = start;
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
        return ((peak - (fromStart ? start : 0)) / 1048576.0, allocated / (double)Math.Max(1, rows));
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

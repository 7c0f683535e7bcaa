using System.Diagnostics;

namespace DriverNotebooks.Runner;

/// <summary>
/// Phase timings (milliseconds since the process started) on stderr when <c>DRIVERNB_TIMING=1</c>,
/// for finding where start-up time goes: <c>DRIVERNB_TIMING=1 drivernb render demo.dib</c>.
/// </summary>
internal static class StartupTiming
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("DRIVERNB_TIMING") == "1";

    // The process's stderr itself: Console.Error is captured while a cell runs.
    private static readonly Lazy<TextWriter> Error = new(() => TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }));

    public static void Mark(string phase)
    {
        if (!Enabled) return;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Error.Value.WriteLine($"[timing] {sinceStart.TotalMilliseconds,7:F0} ms  {phase}  (thread {Environment.CurrentManagedThreadId})");
    }
}

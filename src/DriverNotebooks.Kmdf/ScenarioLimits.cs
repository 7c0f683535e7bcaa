using System.Globalization;

namespace DriverNotebooks.Kmdf;

/// <summary>
/// How big a scenario may be, so a few bytes of JSON cannot ask for gigabytes: each limit is checked before
/// the work it bounds starts (the file size before it is read, the counts when the scenario is built, the
/// trace while a run plays) and breaking one is a one-line <see cref="ScenarioFormatException"/> that states it.
/// The numbers are documented in SCENARIOS.md and README.md; bench/ measures memory at the limits.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Largest scenario file read: 1 MiB (the biggest built-in is under 10 KB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Longest name in a scenario file (scenario, step, resource, object, routine, call and step id), in UTF-16 characters.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest title or description in a scenario file, in UTF-16 characters.</summary>
    public const int MaxTextLength = 4_096;

    /// <summary>Longest a scenario file may take to deliver its content (a named pipe with no writer never does).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Most steps written in one scenario, counting every routine and callback body.</summary>
    public const int MaxSteps = 2_000;

    /// <summary>Most events in one scenario.</summary>
    public const int MaxEvents = 1_000;

    /// <summary>Most devices that arrive in one run (the sum of the deviceArrives counts).</summary>
    public const int MaxDevices = 100;

    /// <summary>Most read completions in one run (the sum of the readsComplete counts).</summary>
    public const int MaxReadCompletions = 1_000;

    /// <summary>Most trace events one run may produce (callbacks, DDI calls, notes), kept or not.</summary>
    public const int MaxTraceEvents = 50_000;

    internal static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// How big a fault sweep may be: it runs the scenario once per failure point (and per pair with
/// <c>--pairs</c>), keeping every run, so its memory grows with runs × trace events. Checked after the
/// baseline run has found the fallible steps and before any failure point runs.
/// </summary>
public static class FaultSweepLimits
{
    /// <summary>Most failure points (runs) in one sweep, pairs included.</summary>
    public const int MaxRuns = 5_000;

    /// <summary>Most trace events over the whole sweep: runs × the baseline run's trace events.</summary>
    public const long MaxTotalTraceEvents = 2_000_000;
}

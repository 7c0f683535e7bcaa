using DriverNotebooks.Usb;

namespace DriverNotebooks.Bench;

/// <summary>
/// The default sweep: N = 1..10 × five lognormal turnarounds × 10 s of bus time × 10 seeds (500 runs, 40 M intervals),
/// on every core. Target: under 0.5 s.
/// </summary>
public sealed class UsbSweepBenchmark : IBenchmark
{
    public string Name => "usb-sweep";

    public string Description => "USB default sweep (N 1..10 x 5 turnarounds x 10 s x 10 seeds) on all cores: target < 0.5 s";

    public void Run(TextWriter output)
    {
        // The benchmark's workload stays 10 s of bus time per run, whatever the default duration is.
        var settings = SweepSettings.Default with { SimulatedTime = Duration.FromSeconds(10) };
        SweepResult? result = null;
        var all = Measure.Repeat($"default sweep, {Environment.ProcessorCount} threads", 1, 5, () => result = Sweep.Run(settings));
        output.WriteLine(all);
        output.WriteLine($"  {result!.Rows.Count} rows, {result.SimulatedIntervals / 1e6:F0} M intervals: {result.SimulatedIntervals / all.Best.TotalSeconds / 1e6:F0} M intervals/s; " +
                         $"target < 500 ms: {(all.Median.TotalMilliseconds < 500 ? "met" : "NOT MET")} (median)");
        var one = Measure.Repeat("default sweep, 1 thread", 1, 3, () => Sweep.Run(settings with { MaxDegreeOfParallelism = 1 }));
        output.WriteLine(one);
        foreach (var row in result.Rows.Where(r => r.PendingReads is 1 or 2 or 4 or 10))
            output.WriteLine($"  N={row.PendingReads,2} {row.Turnaround,-36} analytic {Quantities.FormatRate(row.AnalyticBytesPerSecond),12}  " +
                             $"simulated {Quantities.FormatRate(row.SimulatedMeanBytesPerSecond!.Value),12} [{Quantities.FormatRate(row.SimulatedMinBytesPerSecond!.Value)} .. {Quantities.FormatRate(row.SimulatedMaxBytesPerSecond!.Value)}]  {row.AnalyticLimitedBy}");
    }
}

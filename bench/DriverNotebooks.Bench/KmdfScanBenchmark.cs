using System.Diagnostics;
using DriverNotebooks.Kmdf.Scan;

namespace DriverNotebooks.Bench;

/// <summary>
/// <c>drivernb kmdf scan</c> over a checkout of microsoft/Windows-driver-samples (path in DRIVERNB_WDS): every folder
/// with a source that calls WdfDriverCreate, read with libclang, made a scenario, run and swept. Target: under 10 s
/// on the 2-core machine. One warm-up scan, then three timed ones; reports drivers, findings and bad inputs too.
/// </summary>
public sealed class KmdfScanBenchmark : IBenchmark
{
    private const double TargetSeconds = 10;

    public string Name => "kmdf-scan";

    public string Description => "KMDF source scan of Windows-driver-samples (DRIVERNB_WDS=checkout); target < 10 s";

    public void Run(TextWriter output)
    {
        var root = Environment.GetEnvironmentVariable("DRIVERNB_WDS");
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            output.WriteLine("skipped: set DRIVERNB_WDS to a checkout of microsoft/Windows-driver-samples");
            return;
        }
        var first = KmdfSourceScanner.Scan([root]);
        output.WriteLine($"drivers: {first.Drivers.Count}, with findings: {first.Drivers.Count(d => !d.IsClean)}, findings: {first.FindingCount}, bad inputs: {first.BadInputs.Count}");
        var seconds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            KmdfSourceScanner.Scan([root]);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        var median = Measure.Median(seconds);
        output.WriteLine($"scan: {string.Join(", ", seconds.Select(s => $"{s:F2} s"))}; median {median:F2} s");
        output.WriteLine(median < TargetSeconds ? $"OK: median {median:F2} s < {TargetSeconds} s" : $"OVER TARGET: median {median:F2} s ≥ {TargetSeconds} s");
    }
}

using DriverNotebooks.Usb;

namespace DriverNotebooks.Bench;

/// <summary>
/// Simulation speed for the thread's case: HS interrupt IN, max packet 1024, N = 4, L = 1024, lognormal turnaround
/// p50 80 µs / p99 600 µs, 10 s of bus time per run (80,000 service intervals). Target: ≥ 10^8 intervals/s.
/// Each run is a full <see cref="ReaderSimulator.Run"/>: validation, table scaling, simulation and result records.
/// </summary>
public sealed class UsbSimulationBenchmark : IBenchmark
{
    private const int RunsPerMeasurement = 100;

    public string Name => "usb-sim";

    public string Description => "USB reader simulation, thread's case (HS interrupt, N=4, lognormal p50 80us/p99 600us): target >= 1e8 service intervals/s";

    public void Run(TextWriter output)
    {
        // The benchmark's workload stays 10 s of bus time, whatever the default duration is.
        var always = ThreadScenario.Simulation with { SimulatedTime = Duration.FromSeconds(10) };
        var cases = new[]
        {
            ("device always ready, N=4", always),
            ("device 8 MB/s into a 4 KiB FIFO, N=4", always with { Device = new DeviceSource(8_000_000, 4096) }),
            ("device always ready, N=8", always with { PendingReads = 8 }),
            ("device always ready, N=10 (ring)", always with { PendingReads = 10 }),
        };
        foreach (var (label, settings) in cases)
        {
            var sample = ReaderSimulation.Run(settings);
            output.WriteLine($"{label}: {Quantities.FormatRate(sample.ThroughputBytesPerSecond)} simulated " +
                             $"(analytic bound {Quantities.FormatRate(sample.AnalyticBytesPerSecond)}), p99 latency {Quantities.FormatSeconds(sample.Latency.P99Seconds)}, " +
                             $"{sample.LostOpportunities} lost opportunities, {sample.DroppedBytes} B dropped");
            var intervalsPerRun = sample.SimulatedIntervals;

            var simulator = new ReaderSimulator();
            for (var i = 0; i < 30; i++) simulator.Run(settings with { Seed = (ulong)i });
            var single = Measure.Repeat($"  {RunsPerMeasurement} runs, 1 thread", 2, 7, () =>
            {
                for (var i = 0; i < RunsPerMeasurement; i++) simulator.Run(settings with { Seed = (ulong)i });
            });
            var singleRate = RunsPerMeasurement * intervalsPerRun / single.Best.TotalSeconds;
            var singleMedian = RunsPerMeasurement * intervalsPerRun / single.Median.TotalSeconds;
            output.WriteLine($"  1 thread: {singleRate / 1e6:F0} M intervals/s best, {singleMedian / 1e6:F0} M median " +
                             $"({single.Best.TotalNanoseconds / (RunsPerMeasurement * intervalsPerRun):F2} ns per interval)");

            var cores = Environment.ProcessorCount;
            var simulators = Enumerable.Range(0, cores).Select(_ => new ReaderSimulator()).ToArray();
            var parallel = Measure.Repeat($"  {RunsPerMeasurement * cores} runs, {cores} threads", 2, 7, () =>
            {
                Parallel.For(0, cores, w =>
                {
                    for (var i = 0; i < RunsPerMeasurement; i++) simulators[w].Run(settings with { Seed = (ulong)(w * RunsPerMeasurement + i) });
                });
            });
            var allRate = cores * RunsPerMeasurement * intervalsPerRun / parallel.Best.TotalSeconds;
            var allMedian = cores * RunsPerMeasurement * intervalsPerRun / parallel.Median.TotalSeconds;
            output.WriteLine($"  {cores} threads: {allRate / 1e6:F0} M intervals/s best, {allMedian / 1e6:F0} M median; " +
                             $"target >= 100 M/s: {(singleRate >= 1e8 ? "met on one thread" : allRate >= 1e8 ? "met with all cores" : "NOT MET")}");

            // Allocation: a run of 1 s and a run of 100 s allocate the same bytes (result records), so nothing per interval.
            var shortRun = settings with { SimulatedTime = Duration.FromSeconds(1) };
            var longRun = settings with { SimulatedTime = Duration.FromSeconds(100) };
            var before = GC.GetAllocatedBytesForCurrentThread();
            simulator.Run(shortRun);
            var afterShort = GC.GetAllocatedBytesForCurrentThread();
            simulator.Run(longRun);
            var afterLong = GC.GetAllocatedBytesForCurrentThread();
            var perShort = afterShort - before;
            var perLong = afterLong - afterShort;
            output.WriteLine($"  allocated per run: {perShort} B for 8,000 intervals, {perLong} B for 800,000 intervals " +
                             $"→ {(perLong - perShort) / 792_000.0:F4} B per interval");
        }
    }
}

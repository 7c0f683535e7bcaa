using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Bench;

/// <summary>
/// The KMDF fault-injection sweep over a scenario with 30 fallible steps: every single failure and every pair
/// (30 + 435 = 465 runs), traces recorded, runs spread over the cores. Target: median under 100 ms on the 2-core
/// build machine. Also reports the single-threaded and trace-less figures.
/// </summary>
public sealed class KmdfFaultSweepBenchmark : IBenchmark
{
    private const double TargetMilliseconds = 100;

    public string Name => "kmdf-faults";

    public string Description => "KMDF fault sweep, 30 fallible steps, all singles + pairs (465 runs); target < 100 ms";

    /// <summary>
    /// A correct driver with 30 failure points: DriverEntry has 7 (WPP, WdfDriverCreate, a buffer, a lookaside list,
    /// a collection, a registry read, DriverEntry itself) and each of three devices has 8 (EvtDriverDeviceAdd and its
    /// WdfDeviceCreate, context allocation and queue; PrepareHardware and its allocation; D0Entry; QueryRemove), except
    /// the surprise-removed one, which gets no QueryRemove: 7 + 8 + 7 + 8.
    /// </summary>
    public static Scenario ThirtyStepScenario() =>
        Scenario.Named("bench-30-fallible-steps")
            .Titled("Benchmark: a correct driver with 30 failure points")
            .DriverEntry(e => e
                .Allocate("WppTracing", ResourceKind.Tracing)
                .WdfDriverCreate(
                    d => d
                        .OnDeviceAdd(a => a
                            .WdfDeviceCreate(dev => dev
                                .OnPrepareHardware(p => p.Allocate("ctxRegisters", ResourceKind.Other).Use("gLookaside"))
                                .OnReleaseHardware(r => r.FreeIfAllocated("ctxRegisters"))
                                .OnD0Entry().OnD0Exit()
                                .OnSelfManagedIoInit().OnSelfManagedIoSuspend().OnSelfManagedIoFlush().OnSelfManagedIoCleanup()
                                .OnQueryRemove()
                                .OnCleanup(c => c.FreeIfAllocated("ctxBuffer")))
                            .Allocate("ctxBuffer")
                            .WdfIoQueueCreate("Queue", q => q.AsDefaultQueue().OnCleanup()))
                        .OnUnload()
                        .OnCleanup(c => c.FreeIfAllocated("gBuffer").Free("WppTracing")),
                    onFailure: f => f.Free("WppTracing"))
                .Allocate("gBuffer")
                .WdfLookasideListCreate("gLookaside", o => o.OnCleanup())
                .WdfCollectionCreate("gDeviceList")
                .Call("ReadRegistryParameters"))
            .DeviceArrives(3)
            .RemoveDevice(1)
            .SurpriseRemoveDevice(2)
            .RemoveDevice(3)
            .Unload()
            .Build();

    public void Run(TextWriter output)
    {
        var scenario = ThirtyStepScenario();
        var options = new FaultSweepOptions { IncludePairs = true };
        var check = FaultSweep.Run(scenario, options);
        output.WriteLine($"fallible steps: {check.FallibleSteps.Count}, runs per sweep: {check.Points.Count}, failure points with findings: {check.Problems.Count}");

        var withTrace = Measure.Repeat("sweep (traces kept)", warmups: 10, runs: 31, () => FaultSweep.Run(scenario, options));
        var oneThread = Measure.Repeat("sweep (traces kept, 1 thread)", warmups: 10, runs: 31, () => FaultSweep.Run(scenario, options with { MaxDegreeOfParallelism = 1 }));
        var noTrace = Measure.Repeat("sweep (no traces)", warmups: 10, runs: 31, () => FaultSweep.Run(scenario, options with { RecordTrace = false }));
        output.WriteLine(withTrace);
        output.WriteLine(oneThread);
        output.WriteLine(noTrace);
        output.WriteLine(withTrace.Median.TotalMilliseconds < TargetMilliseconds
            ? $"OK: median {withTrace.Median.TotalMilliseconds:F1} ms < {TargetMilliseconds} ms"
            : $"OVER TARGET: median {withTrace.Median.TotalMilliseconds:F1} ms ≥ {TargetMilliseconds} ms");
    }
}

namespace DriverNotebooks.Usb;

/// <summary>
/// The motivating case (shared/thread, comment 3): a KMDF driver reads a Cypress high-speed interrupt IN endpoint,
/// wMaxPacketSize 1024, with a continuous reader (TransferLength 1024, NumPendingReads 4) and never exceeds ~8 MB/s.
/// A scenario, kept apart from the engine: the engine knows nothing about it.
/// </summary>
public static class ThreadScenario
{
    /// <summary>HS interrupt IN, max packet 1024, one transaction per microframe, bInterval 1 (every 125 µs).</summary>
    public static EndpointDescriptor Endpoint { get; } = new(UsbSpeed.High, TransferType.Interrupt, 1024, 1);

    /// <summary>The driver's reader with a typical 100 µs turnaround: device-limited at 8,192,000 B/s.</summary>
    public static PipelineSettings Pipeline { get; } = new(4, 1024, Duration.FromMicroseconds(100));

    /// <summary>The same reader with a slow 600 µs completion path: pipeline-limited.</summary>
    public static PipelineSettings SlowPipeline { get; } = new(4, 1024, Duration.FromMicroseconds(600));

    /// <summary>A lognormal turnaround with p50 80 µs and p99 600 µs.</summary>
    public static TurnaroundDistribution Turnaround { get; } =
        TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(80), Duration.FromMicroseconds(600));

    /// <summary>10 s of the reader with <see cref="Turnaround"/>, device always ready.</summary>
    public static SimulationSettings Simulation { get; } = new(Endpoint, 4, 1024, Turnaround);
}

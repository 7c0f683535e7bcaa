namespace DriverNotebooks.Usb;

/// <summary>One grid point of a sweep, ready to chart.</summary>
/// <param name="PendingReads">N as given.</param>
/// <param name="EffectivePendingReads">N after the KMDF rules.</param>
/// <param name="TransferLength">L, bytes.</param>
/// <param name="Turnaround">The turnaround distribution, described.</param>
/// <param name="TurnaroundMedianSeconds">Its median.</param>
/// <param name="TurnaroundMeanSeconds">Its mean as sampled.</param>
/// <param name="BusLimitBytesPerSecond">Bus limit.</param>
/// <param name="AnalyticBytesPerSecond">Periodic: min(bus, pipeline with E[ceil(T/P)], device rate); bulk: min(B, pipeline with the mean T).</param>
/// <param name="AnalyticLimitedBy">Which analytic limit binds.</param>
/// <param name="SimulatedMeanBytesPerSecond">Mean simulated throughput over the seeds (null for bulk/control).</param>
/// <param name="SimulatedMinBytesPerSecond">Smallest over the seeds.</param>
/// <param name="SimulatedMaxBytesPerSecond">Largest over the seeds.</param>
/// <param name="MeanIdleFraction">Mean share of service intervals with nothing queued.</param>
/// <param name="MeanP99LatencySeconds">Mean over the seeds of the 99th-percentile request latency.</param>
/// <param name="Seeds">Runs behind the simulated columns.</param>
public sealed record SweepRow(
    int PendingReads,
    int EffectivePendingReads,
    long TransferLength,
    string Turnaround,
    double TurnaroundMedianSeconds,
    double TurnaroundMeanSeconds,
    double BusLimitBytesPerSecond,
    double AnalyticBytesPerSecond,
    LimitedBy AnalyticLimitedBy,
    double? SimulatedMeanBytesPerSecond,
    double? SimulatedMinBytesPerSecond,
    double? SimulatedMaxBytesPerSecond,
    double? MeanIdleFraction,
    double? MeanP99LatencySeconds,
    int Seeds);

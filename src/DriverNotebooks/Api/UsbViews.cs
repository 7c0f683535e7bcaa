using DriverNotebooks.Usb;

namespace DriverNotebooks;

/// <summary>A throughput analysis as a notebook shows it: the report, and a measured rate to mark on its chart.</summary>
public sealed record ThroughputView(ThroughputReport Report, double? MeasuredBytesPerSecond = null);

/// <summary>A reader simulation as a notebook shows it: the result, and a measured rate to compare with.</summary>
/// <param name="Result">The run.</param>
/// <param name="MeasuredBytesPerSecond">A measured rate to show beside it.</param>
/// <param name="Capture">The pcapng the run's traffic was written to, when it was.</param>
public sealed record SimulationView(SimulationResult Result, double? MeasuredBytesPerSecond = null, WrittenCapture? Capture = null);

/// <summary>A capture file a simulation wrote.</summary>
/// <param name="Path">Where, as the user gave it.</param>
/// <param name="Bytes">Its size.</param>
public sealed record WrittenCapture(string Path, long Bytes);

/// <summary>Which swept quantity runs along a sweep chart's x axis.</summary>
public enum SweepAxis
{
    PendingReads,
    TransferLength,
    Turnaround,
}

/// <summary>A sweep as a notebook shows it: the table, the chart's x axis, and a measured rate to mark.</summary>
public sealed record SweepView(SweepResult Result, SweepAxis Axis = SweepAxis.PendingReads, double? MeasuredBytesPerSecond = null);

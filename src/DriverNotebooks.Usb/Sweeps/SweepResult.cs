namespace DriverNotebooks.Usb;

/// <summary>A sweep's table: rows ordered by turnaround, then transfer length, then pending reads.</summary>
/// <param name="Settings">The sweep run.</param>
/// <param name="Rows">One row per grid point.</param>
/// <param name="SimulatedIntervals">Service intervals simulated over all runs.</param>
/// <param name="Warnings">Distinct validation warnings and modelling notes.</param>
public sealed record SweepResult(SweepSettings Settings, IReadOnlyList<SweepRow> Rows, long SimulatedIntervals, IReadOnlyList<string> Warnings);

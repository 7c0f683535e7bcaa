namespace DriverNotebooks.Usb;

/// <summary>Raw counters of one run, in intervals, packets and fixed-point bytes; latencies in intervals.</summary>
internal readonly record struct RunTotals(
    long Completed,
    long Busy,
    long Idle,
    long Lost,
    long Starved,
    long DeliveredPackets,
    long DroppedFixed,
    long FinalFillFixed,
    double LatencySum,
    double LatencyMin,
    double LatencyMax);

namespace DriverNotebooks.Usb;

/// <summary>What the request pipeline allows, and what it would take to reach the bus limit.</summary>
/// <param name="BytesPerSecond">The pipeline limit.</param>
/// <param name="Form">Which form of the model was used.</param>
/// <param name="IntervalsPerRequest">Periodic: k = ceil(L / bytes per interval). Null for bulk.</param>
/// <param name="LostIntervalsPerRequest">Periodic: s = ceil(T / P) (or its mean for a random turnaround). Null for bulk.</param>
/// <param name="TurnaroundBudget">Largest turnaround that still keeps the endpoint at its ceiling with this N and L
/// (periodic: (N−1)·k·P; bulk: (N−1)·L/B).</param>
/// <param name="PendingReadsForCeiling">Smallest N that reaches the ceiling with this L and T.</param>
/// <param name="TransferLengthForCeiling">Smallest L (a multiple of the unit below) that reaches the ceiling with this N and T;
/// null when no length can (N = 1 with a non-zero turnaround).</param>
/// <param name="RequestSizeLimited">Periodic: L is not a whole number of service intervals' worth of data, so each request
/// leaves part of its last interval unused (the host serves one request per interval).</param>
public sealed record PipelineLimit(
    double BytesPerSecond,
    PipelineForm Form,
    int? IntervalsPerRequest,
    double? LostIntervalsPerRequest,
    Duration TurnaroundBudget,
    long PendingReadsForCeiling,
    long? TransferLengthForCeiling,
    bool RequestSizeLimited);

/// <summary>The two forms of the pipeline model (domain file §4.2).</summary>
public enum PipelineForm
{
    /// <summary>Periodic, discrete: X = N·L / ((k + s)·P), at most L / (k·P).</summary>
    Periodic,

    /// <summary>Bulk, continuous closed loop: X = N·L / (L/B + T).</summary>
    Bulk,
}

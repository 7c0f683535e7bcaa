namespace DriverNotebooks.Usb;

/// <summary>How the driver reads the endpoint: N requests of L bytes, each turned around in T.</summary>
/// <param name="PendingReads">Requests kept outstanding (KMDF NumPendingReads; 0 means the framework default 2).</param>
/// <param name="TransferLength">Bytes per request (KMDF TransferLength).</param>
/// <param name="Turnaround">Time from the end of the bus activity that completed a request until its replacement is
/// schedulable: interrupt moderation, DPC, client callback, resubmit, host-controller look-ahead (domain file §4.2).</param>
public sealed record PipelineSettings(int PendingReads, long TransferLength, Duration Turnaround)
{
    /// <summary>Whose rules apply to N and L. Default <see cref="RequestQueue.KmdfContinuousReader"/>.</summary>
    public RequestQueue Queue { get; init; } = RequestQueue.KmdfContinuousReader;

    /// <summary>What-if: let NumPendingReads exceed the framework's cap of 10 (real KMDF silently uses 10).</summary>
    public bool AllowPendingReadsBeyondFrameworkMax { get; init; }
}

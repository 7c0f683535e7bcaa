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

    /// <summary>
    /// IN endpoints: the device ends every transfer after this many bytes (0 to <see cref="TransferLength"/>) with a short
    /// or zero-length packet, which retires the request early (<see cref="PipelineModel.IntervalsPerTransfer"/>). Null: the
    /// device fills every request. The analysis models it; the simulation does not.
    /// </summary>
    public long? DeviceTransferBytes { get; init; }

    /// <summary>Bytes one request actually moves: <see cref="DeviceTransferBytes"/> when the device cuts transfers short, else L.</summary>
    public long BytesPerRequest => DeviceTransferBytes ?? TransferLength;
}

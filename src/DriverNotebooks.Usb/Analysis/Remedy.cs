namespace DriverNotebooks.Usb;

/// <summary>A change that would lift the binding limit, as a verdict suggests it.</summary>
public enum Remedy
{
    /// <summary>Keep more requests in flight (NumPendingReads).</summary>
    MorePendingReads,
    /// <summary>Use longer requests (TransferLength).</summary>
    LongerTransfers,
    /// <summary>Shorten the turnaround: lighter completion callback, fewer hops before resubmission.</summary>
    FasterCompletionPath,
    /// <summary>HS high-bandwidth: 2 or 3 transactions per microframe (wMaxPacketSize bits 12..11).</summary>
    HighBandwidthMult,
    /// <summary>A shorter polling period (smaller bInterval).</summary>
    ShorterInterval,
    /// <summary>A larger wMaxPacketSize.</summary>
    LargerMaxPacket,
    /// <summary>A larger SuperSpeed burst (bMaxBurst) or isochronous Mult.</summary>
    LargerBurst,
    /// <summary>Move the stream to a bulk endpoint.</summary>
    BulkEndpoint,
    /// <summary>A faster bus or host controller.</summary>
    FasterBus,
    /// <summary>The device fills each request (or each service interval) instead of ending transfers with a short packet.</summary>
    FullDeviceTransfers,
}

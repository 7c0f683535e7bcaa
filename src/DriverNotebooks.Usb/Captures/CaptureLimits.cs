namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Bounds that keep a read's memory independent of the capture's size and of what a damaged header claims.
/// </summary>
public static class CaptureLimits
{
    /// <summary>
    /// The largest record or pcapng block accepted (16 MiB). usbmon and USBPcap records are at most a URB's
    /// buffer plus a header; a length above this is a damaged header, not data, and is reported as malformed.
    /// </summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>The longest usbmon text line accepted, in characters.</summary>
    public const int MaxTextLineChars = 64 * 1024;

    /// <summary>GET_DESCRIPTOR responses kept per device; later ones are counted, not kept.</summary>
    public const int MaxDescriptorResponsesPerDevice = 64;

    /// <summary>Bins of a throughput-over-time series: when a capture outgrows them, neighbours merge and the bin width doubles.</summary>
    public const int MaxTimeBins = 512;

    /// <summary>In-flight levels tracked one by one; deeper queues count at this level.</summary>
    public const int MaxTrackedInFlight = 256;
}

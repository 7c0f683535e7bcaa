namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// What <see cref="CaptureAnalysis"/> measured in one capture: per device and endpoint, and the GET_DESCRIPTOR
/// responses per device; for a capture of USB 2.0 packets, the bus view (<see cref="Bus"/>).
/// </summary>
/// <param name="Source">The file name.</param>
/// <param name="Format"><c>pcap</c>, <c>pcap (nanosecond)</c>, <c>pcapng</c> or <c>usbmon text</c>.</param>
/// <param name="LinkTypes">Link types of the file's interfaces.</param>
/// <param name="Records">Records read (all of them, before the filter).</param>
/// <param name="CaptureSeconds">First to last record.</param>
/// <param name="StartUnixSeconds">Time of the first record (seconds since the Unix epoch; usbmon text: since an arbitrary start).</param>
/// <param name="Filter">What was kept.</param>
/// <param name="Endpoints">Measured endpoints, by bus, device and endpoint address.</param>
/// <param name="Descriptors">GET_DESCRIPTOR responses in capture order.</param>
/// <param name="DroppedDescriptorResponses">Responses beyond <see cref="CaptureLimits.MaxDescriptorResponsesPerDevice"/> per device, not kept.</param>
/// <param name="Warnings">What did not stop the read (a truncated last record, skipped interfaces).</param>
public sealed record CaptureReport(
    string Source,
    string Format,
    IReadOnlyList<int> LinkTypes,
    long Records,
    double CaptureSeconds,
    double StartUnixSeconds,
    CaptureFilter Filter,
    IReadOnlyList<EndpointMeasurement> Endpoints,
    IReadOnlyList<DescriptorResponse> Descriptors,
    long DroppedDescriptorResponses,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The bus view of the capture's USB 2.0 packets (link type 288, 293, 294, 295); null when it has none. Such packets
    /// are not URBs: they add no transfers to <see cref="Endpoints"/>.
    /// </summary>
    public BusReport? Bus { get; init; }

    /// <summary>The endpoint that moved the most bytes, if any moved.</summary>
    public EndpointMeasurement? Busiest => Endpoints.Where(e => e.Bytes > 0).OrderByDescending(e => e.Bytes).FirstOrDefault();
}

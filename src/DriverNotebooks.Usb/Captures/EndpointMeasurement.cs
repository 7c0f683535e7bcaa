namespace DriverNotebooks.Usb.Captures;

/// <summary>Requests in flight on an endpoint, weighted by time over its active span (first submit to last completion).</summary>
/// <param name="Max">Most requests outstanding at once.</param>
/// <param name="Median">The level the endpoint spent at least half its active time at or below.</param>
/// <param name="Mean">Time-weighted mean.</param>
public sealed record InFlightSummary(int Max, int Median, double Mean);

/// <summary>Periods with no request in flight on the endpoint, between a completion and the next submit.</summary>
public sealed record IdleGapSummary(long Count, double TotalSeconds, double LongestSeconds);

/// <summary>How many completions (or submission errors) carried a status, by name (<c>-EPROTO</c>, <c>USBD_STATUS_STALL_PID</c>).</summary>
public sealed record StatusCount(string Name, long Count);

/// <summary>How many submits asked for a buffer of this many bytes.</summary>
public sealed record LengthCount(long Bytes, long Count);

/// <summary>
/// What one endpoint of one device did in a capture: transfers paired submit to completion, and the
/// measurements a verdict needs (see README "Captures in" for the definitions).
/// </summary>
/// <param name="Bus">Bus number.</param>
/// <param name="Device">Device address.</param>
/// <param name="EndpointAddress">bEndpointAddress (bit 7 set for IN).</param>
/// <param name="TransferType">As the records say; null when the code is none of the four.</param>
/// <param name="Transfers">Completions paired with their submit.</param>
/// <param name="Bytes">Bytes those transfers moved (the completion's actual length; USBPcap OUT: the submit's data).</param>
/// <param name="ShortTransfers">Successful IN transfers that moved fewer bytes than they asked for (usbmon only: USBPcap records no requested length).</param>
/// <param name="SubmitErrors">Submissions that failed at once (usbmon 'E').</param>
/// <param name="UnmatchedCompletions">Completions whose submit is not in the capture or the window (not counted as transfers).</param>
/// <param name="StillInFlight">Submits with no completion by the end.</param>
/// <param name="FirstSubmitSeconds">First paired submit, seconds from the capture's first record.</param>
/// <param name="LastCompletionSeconds">Last paired completion.</param>
/// <param name="ThroughputBytesPerSecond">Whole: <see cref="Bytes"/> over first submit to last completion.</param>
/// <param name="SteadyThroughputBytesPerSecond">Steady state: bytes completed after the first completion, over first to last completion (leaves out the start-up latency of the first transfer).</param>
/// <param name="BusyThroughputBytesPerSecond">While busy: the same bytes over the time after the first completion during which at least one request was in flight (leaves out idle gaps as well: what the bus and device delivered while a request waited).</param>
/// <param name="BusyFraction">Share of the active span with at least one request in flight.</param>
/// <param name="InFlight">Requests in flight.</param>
/// <param name="Latency">Submit to completion of each transfer.</param>
/// <param name="Turnaround">Completion to resubmit on the endpoint (the driver's turnaround): a request coming back under its id is paired with its own completion, a new id with the oldest completion waiting.</param>
/// <param name="CompletionInterval">Between consecutive completions on the endpoint.</param>
/// <param name="IdleGaps">Periods with nothing in flight.</param>
/// <param name="Errors">Failed completions and submissions by status name.</param>
/// <param name="RequestedLengths">The most common requested buffer lengths (usbmon), most frequent first, at most 8.</param>
/// <param name="Series">Throughput and requests in flight over time.</param>
public sealed record EndpointMeasurement(
    int Bus,
    int Device,
    byte EndpointAddress,
    TransferType? TransferType,
    long Transfers,
    long Bytes,
    long ShortTransfers,
    long SubmitErrors,
    long UnmatchedCompletions,
    long StillInFlight,
    double FirstSubmitSeconds,
    double LastCompletionSeconds,
    double ThroughputBytesPerSecond,
    double SteadyThroughputBytesPerSecond,
    double BusyThroughputBytesPerSecond,
    double BusyFraction,
    InFlightSummary InFlight,
    DurationSummary Latency,
    DurationSummary Turnaround,
    DurationSummary CompletionInterval,
    IdleGapSummary IdleGaps,
    IReadOnlyList<StatusCount> Errors,
    IReadOnlyList<LengthCount> RequestedLengths,
    IReadOnlyList<TimeBin> Series)
{
    /// <summary>Device to host.</summary>
    public TransferDirection Direction => (EndpointAddress & 0x80) != 0 ? TransferDirection.In : TransferDirection.Out;

    /// <summary><c>1:5</c>.</summary>
    public string DeviceName => $"{Bus}:{Device}";

    /// <summary><c>0x81</c>.</summary>
    public string EndpointName => $"0x{EndpointAddress:x2}";

    /// <summary>Last completion minus first submit, in seconds.</summary>
    public double SpanSeconds => Math.Max(0, LastCompletionSeconds - FirstSubmitSeconds);
}

namespace DriverNotebooks.Usb;

/// <summary>
/// One simulation run: an endpoint read by N requests of L bytes, each turned around by a random draw.
/// Every option has an explicit default.
/// </summary>
/// <param name="Endpoint">An interrupt, isochronous or bulk endpoint (bulk is served in packet slots at the host's ceiling: <see cref="AnalysisOptions.BulkCeiling"/>, <see cref="AnalysisOptions.BulkRateBytesPerSecond"/>).</param>
/// <param name="PendingReads">Requests in flight (KMDF NumPendingReads; the continuous-reader rules apply by default).</param>
/// <param name="TransferLength">Bytes per request; a multiple of the max packet size.</param>
/// <param name="Turnaround">Per-request turnaround distribution.</param>
public sealed record SimulationSettings(EndpointDescriptor Endpoint, int PendingReads, long TransferLength, TurnaroundDistribution Turnaround)
{
    /// <summary>The bus time a simulation covers unless told otherwise: 1 s, as <c>--duration</c> documents.</summary>
    public static Duration DefaultSimulatedTime { get; } = Duration.FromSeconds(1);

    /// <summary>Bus time to simulate. Default <see cref="DefaultSimulatedTime"/> (1 s).</summary>
    public Duration SimulatedTime { get; init; } = DefaultSimulatedTime;

    /// <summary>Random seed; the same seed gives the same result. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The device's data source; null (default) means the device always has data.</summary>
    public DeviceSource? Device { get; init; }

    /// <summary>Timeline and latency histogram; null (default) for none.</summary>
    public TimelineOptions? Timeline { get; init; }

    /// <summary>Policy and other analysis options. Default <see cref="AnalysisOptions.Default"/>.</summary>
    public AnalysisOptions Options { get; init; } = AnalysisOptions.Default;

    /// <summary>Whose rules apply to N and L. Default <see cref="RequestQueue.KmdfContinuousReader"/>.</summary>
    public RequestQueue Queue { get; init; } = RequestQueue.KmdfContinuousReader;

    /// <summary>What-if: more than the framework's 10 pending reads.</summary>
    public bool AllowPendingReadsBeyondFrameworkMax { get; init; }
}

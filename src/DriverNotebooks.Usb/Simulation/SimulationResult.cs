namespace DriverNotebooks.Usb;

/// <summary>
/// What one simulation run measured. Every service interval is exactly one of busy, starved or idle;
/// lost opportunities are the idle intervals in which the device had a packet ready (all idle intervals when the device
/// always has data).
/// </summary>
public sealed record SimulationResult
{
    /// <summary>The settings run.</summary>
    public required SimulationSettings Settings { get; init; }

    /// <summary>NumPendingReads after the KMDF rules.</summary>
    public required int EffectivePendingReads { get; init; }

    /// <summary>Service period P, seconds.</summary>
    public required double ServicePeriodSeconds { get; init; }

    /// <summary>Bytes the endpoint can move per service interval.</summary>
    public required long BytesPerInterval { get; init; }

    /// <summary>k: intervals one request needs.</summary>
    public required int IntervalsPerRequest { get; init; }

    /// <summary>Service intervals simulated (floor of the simulated time over P).</summary>
    public required long SimulatedIntervals { get; init; }

    /// <summary>Bus time simulated, seconds (<see cref="SimulatedIntervals"/> × P).</summary>
    public required double SimulatedSeconds { get; init; }

    /// <summary>Bytes moved to the host, including the part of a request still in progress at the end.</summary>
    public required long DeliveredBytes { get; init; }

    /// <summary>Delivered bytes over simulated time, B/s.</summary>
    public required double ThroughputBytesPerSecond { get; init; }

    /// <summary>Requests completed.</summary>
    public required long CompletedRequests { get; init; }

    /// <summary>Intervals that moved data.</summary>
    public required long BusyIntervals { get; init; }

    /// <summary>Intervals with no request queued at the host: the IN token was never sent.</summary>
    public required long IdleIntervals { get; init; }

    /// <summary>Idle intervals in which the device had at least one full packet ready: opportunities lost for good.</summary>
    public required long LostOpportunities { get; init; }

    /// <summary>Intervals with a request queued but less than a packet at the device (NAK).</summary>
    public required long StarvedIntervals { get; init; }

    /// <summary>Bytes the device produced (0 when it always has data).</summary>
    public required long ProducedBytes { get; init; }

    /// <summary>Bytes the device dropped because its FIFO was full.</summary>
    public required long DroppedBytes { get; init; }

    /// <summary>FIFO fill at the end, bytes.</summary>
    public required long FinalFifoFillBytes { get; init; }

    /// <summary>Request latency statistics.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Bus limit, B/s: what the descriptor reserves (periodic) or the bulk ceiling served (<see cref="Ceiling"/>).</summary>
    public required double BusLimitBytesPerSecond { get; init; }

    /// <summary>What <see cref="BusLimitBytesPerSecond"/> is; bulk runs in packet slots of <see cref="ServicePeriodSeconds"/>.</summary>
    public required SimulationCeiling Ceiling { get; init; }

    /// <summary>E[ceil(T/P)] of the turnaround as sampled.</summary>
    public required double MeanLostIntervalsPerRequest { get; init; }

    /// <summary>
    /// The analytic prediction min(bus, pipeline with the mean lost intervals, device rate): exact for a fixed turnaround and
    /// an always-ready device (after the start-up transient), an upper bound otherwise.
    /// </summary>
    public required double AnalyticBytesPerSecond { get; init; }

    /// <summary>Which limit binds analytically (device rate aside).</summary>
    public required LimitedBy AnalyticLimitedBy { get; init; }

    /// <summary>The timeline, when asked for.</summary>
    public SimulationTimeline? Timeline { get; init; }

    /// <summary>Validation warnings and modelling notes.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

namespace DriverNotebooks.Usb;

/// <summary>
/// The three answers for one endpoint: what the bus allows, what the request pipeline allows, and which binds.
/// Property names are the contract for the CLI's JSON (camelCase of these names).
/// </summary>
public sealed record ThroughputReport
{
    /// <summary>The endpoint as given.</summary>
    public required EndpointDescriptor Endpoint { get; init; }

    /// <summary>The pipeline as given; null when none was described.</summary>
    public PipelineSettings? Pipeline { get; init; }

    /// <summary>The analysis options as given, so the same analysis can be repeated with one input changed.</summary>
    public required AnalysisOptions Options { get; init; }

    /// <summary>Policy used.</summary>
    public required PollingPolicy Policy { get; init; }

    /// <summary>Bit-stuffing assumption used for the bulk/control budget and the spec bus time.</summary>
    public required BitStuffing Stuffing { get; init; }

    /// <summary>The effective host bulk rate as given (B/s), or null.</summary>
    public double? BulkRateBytesPerSecond { get; init; }

    /// <summary>Transfer type after policy fix-ups.</summary>
    public required TransferType EffectiveType { get; init; }

    /// <summary>Max packet size after policy fix-ups.</summary>
    public required int EffectiveMaxPacketSize { get; init; }

    /// <summary>What the bus allows this endpoint, B/s.</summary>
    public required double BusLimitBytesPerSecond { get; init; }

    /// <summary>Periodic: the polling period; bulk/control: the (micro)frame the budget counts. Seconds.</summary>
    public required double ServicePeriodSeconds { get; init; }

    /// <summary><see cref="ServicePeriodSeconds"/> in frames (LS/FS) or microframes/bus intervals (HS/SS).</summary>
    public required int ServicePeriodNativeIntervals { get; init; }

    /// <summary>How bInterval was decoded, in words.</summary>
    public required string IntervalRule { get; init; }

    /// <summary>Bytes the endpoint can move per service period.</summary>
    public required long BytesPerInterval { get; init; }

    /// <summary>Transactions (packets) per service period.</summary>
    public required int TransactionsPerInterval { get; init; }

    /// <summary>One max-size transaction: Linux <c>usb_calc_bus_time</c>/<c>HS_NSECS</c> to the nanosecond (LS/FS/HS);
    /// the rounded-up framing estimate for SS/SS+.</summary>
    public required long TransactionBusTimeNanoseconds { get; init; }

    /// <summary>The same transaction from the spec's §5.11.3 floating-point formula with <see cref="Stuffing"/>.</summary>
    public required double SpecTransactionBusTimeNanoseconds { get; init; }

    /// <summary>How the bus limit was derived, in words.</summary>
    public required string BusLimitDerivation { get; init; }

    /// <summary>What the request pipeline allows, B/s; null without a pipeline.</summary>
    public double? PipelineLimitBytesPerSecond { get; init; }

    /// <summary>NumPendingReads after the KMDF rules (0 → 2, cap 10, unless the what-if); null without a pipeline.</summary>
    public int? EffectivePendingReads { get; init; }

    /// <summary>Periodic: k = ceil(L / bytes per interval).</summary>
    public int? IntervalsPerRequest { get; init; }

    /// <summary>Periodic: s = ceil(T / P).</summary>
    public long? LostIntervalsPerRequest { get; init; }

    /// <summary>Largest turnaround that keeps the endpoint at its ceiling with this N and L, seconds.</summary>
    public double? TurnaroundBudgetSeconds { get; init; }

    /// <summary>Smallest NumPendingReads that reaches the ceiling with this L and T.</summary>
    public long? PendingReadsForCeiling { get; init; }

    /// <summary>Smallest TransferLength that reaches the ceiling with this N and T (null if none can).</summary>
    public long? TransferLengthForCeiling { get; init; }

    /// <summary>The expected throughput: min(bus or host bulk rate, pipeline), B/s. The bus limit without a pipeline.</summary>
    public required double ThroughputBytesPerSecond { get; init; }

    /// <summary>Which limit binds; null without a pipeline. Ties go to the bus.</summary>
    public LimitedBy? LimitedBy { get; init; }

    /// <summary>What the policy tolerated or changed, and what-ifs in force.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// Bulk endpoints with published host measurements: the rate a real host reaches beside the spec ceiling, and
    /// what this pipeline gives at that rate (<see cref="HostRateExpectation"/>). Null for periodic and control
    /// endpoints and for speeds without a published figure.
    /// </summary>
    public HostRateExpectation? HostRate { get; init; }

    /// <summary>The binding limit and what would lift it.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>
    /// The device-side changes that would raise the bus limit, each with the limit it gives: the one list
    /// behind the verdict's "to go faster use …" and the chart of what would lift it.
    /// </summary>
    public required IReadOnlyList<BusAlternative> BusAlternatives { get; init; }
}

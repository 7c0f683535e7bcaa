namespace DriverNotebooks.Usb;

/// <summary>
/// A grid of simulations: every combination of pending reads, transfer length and turnaround, each run with several seeds.
/// </summary>
/// <param name="Endpoint">The endpoint swept (periodic endpoints are simulated; bulk/control rows are analytic only).</param>
public sealed record SweepSettings(EndpointDescriptor Endpoint)
{
    /// <summary>Five lognormal turnarounds with p50 = 50, 100, 200, 400, 800 µs and p99 = 7.5 × p50
    /// (the spread of the thread's p50 80 µs / p99 600 µs).</summary>
    public static IReadOnlyList<TurnaroundDistribution> DefaultTurnarounds { get; } =
        new[] { 50, 100, 200, 400, 800 }
            .Select(us => TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(us), Duration.FromMicroseconds(us * 7.5)))
            .ToArray();

    /// <summary>The default sweep: the thread's endpoint, N = 1..10, L = 1024 (one interval's worth), the five default
    /// turnarounds, 1 s of bus time, 10 seeds. (Declared after <see cref="DefaultTurnarounds"/>, which it uses.)</summary>
    public static SweepSettings Default { get; } = new(ThreadScenario.Endpoint);

    /// <summary>NumPendingReads values. Default 1..10.</summary>
    public IReadOnlyList<int> PendingReads { get; init; } = Enumerable.Range(1, 10).ToArray();

    /// <summary>Transfer lengths in bytes; null (default) uses one service interval's worth (bytes per interval).</summary>
    public IReadOnlyList<long>? TransferLengths { get; init; }

    /// <summary>Turnaround distributions. Default <see cref="DefaultTurnarounds"/>.</summary>
    public IReadOnlyList<TurnaroundDistribution> Turnarounds { get; init; } = DefaultTurnarounds;

    /// <summary>Runs per grid point unless told otherwise: 10, as <c>--seeds</c> documents.</summary>
    public const int DefaultSeeds = 10;

    /// <summary>Bus time per run. Default <see cref="SimulationSettings.DefaultSimulatedTime"/> (1 s).</summary>
    public Duration SimulatedTime { get; init; } = SimulationSettings.DefaultSimulatedTime;

    /// <summary>Runs per grid point (seeds FirstSeed, FirstSeed + 1, …, the same for every point). Default <see cref="DefaultSeeds"/>.</summary>
    public int Seeds { get; init; } = DefaultSeeds;

    /// <summary>First seed. Default 1.</summary>
    public ulong FirstSeed { get; init; } = 1;

    /// <summary>Device data source; null (default): always has data.</summary>
    public DeviceSource? Device { get; init; }

    /// <summary>Policy and other options.</summary>
    public AnalysisOptions Options { get; init; } = AnalysisOptions.Default;

    /// <summary>Request-queue rules. Default KMDF continuous reader.</summary>
    public RequestQueue Queue { get; init; } = RequestQueue.KmdfContinuousReader;

    /// <summary>What-if: more than 10 pending reads.</summary>
    public bool AllowPendingReadsBeyondFrameworkMax { get; init; }

    /// <summary>Worker threads; null (default) uses every core. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

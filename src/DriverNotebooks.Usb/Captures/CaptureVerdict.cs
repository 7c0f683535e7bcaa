using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// What limited an endpoint in a capture, with the evidence, the model at the measured operating point beside the
/// measurement, and what each lever would buy. <see cref="Decide"/> is the one place the rules live.
/// </summary>
/// <param name="LimitedBy">The verdict.</param>
/// <param name="Summary">One sentence: the verdict, its evidence and what would lift the limit.</param>
/// <param name="Reason">The evidence in one line, without the verdict's name and the levers: what a table of every endpoint's verdict shows.</param>
/// <param name="Evidence">The numbers the rules looked at, one phrase each.</param>
/// <param name="MeasuredBytesPerSecond">Throughput over the endpoint's active span (<see cref="EndpointMeasurement.ThroughputBytesPerSecond"/>).</param>
/// <param name="CeilingBytesPerSecond">What the descriptor reserves (periodic) or the bulk ceiling the options name.</param>
/// <param name="HostRateBytesPerSecond">Bulk: the low end of the published host measurements, when kept for the speed.</param>
/// <param name="PendingReads">N: the most requests the capture had in flight at once.</param>
/// <param name="TransferLength">L: bytes per transfer as measured (the mean, rounded up to whole packets).</param>
/// <param name="Turnaround">The measured turnaround as a distribution; null when none was measured.</param>
/// <param name="ServiceRateBytesPerSecond">Bulk: the rate the model serves requests at, the one the capture's transfers moved at
/// while a request was in flight (<see cref="EndpointMeasurement.BusyThroughputBytesPerSecond"/>, at most the spec's ceiling);
/// null for periodic endpoints, which the descriptor's service interval serves.</param>
/// <param name="ModelBytesPerSecond">The analytic model at N, L and the measured turnaround: min(service rate, pipeline).</param>
/// <param name="ModelLimitedBy">Which binds in the model.</param>
/// <param name="SimulatedBytesPerSecond">The simulation at the same point (one seed); null at <see cref="VerdictDetail.Analytic"/>.</param>
/// <param name="ModelDeviation">(model − measured) / measured; null without a model.</param>
/// <param name="WhatIfs">The levers tried, with the model's prediction for each; none at <see cref="VerdictDetail.Analytic"/>.</param>
/// <param name="Notes">Why a model could not be run, and other caveats.</param>
public sealed record CaptureVerdict(
    MeasuredLimit LimitedBy,
    string Summary,
    string Reason,
    IReadOnlyList<string> Evidence,
    double MeasuredBytesPerSecond,
    double CeilingBytesPerSecond,
    double? HostRateBytesPerSecond,
    int PendingReads,
    long TransferLength,
    TurnaroundDistribution? Turnaround,
    double? ServiceRateBytesPerSecond,
    double? ModelBytesPerSecond,
    LimitedBy? ModelLimitedBy,
    double? SimulatedBytesPerSecond,
    double? ModelDeviation,
    IReadOnlyList<CaptureWhatIf> WhatIfs,
    IReadOnlyList<string> Notes)
{
    /// <summary>Fewest paired transfers a verdict is given for.</summary>
    public const int MinTransfers = 20;

    /// <summary>At or above this share of a ceiling the endpoint is bus-limited.</summary>
    public const double AtCeilingShare = 0.9;

    /// <summary>The pipeline explains the measurement when the measurement reaches this share of the model's prediction.</summary>
    public const double ExplainedShare = 0.85;

    /// <summary>A request that stays in flight more than this many times the bus time it needs waited for the device.</summary>
    public const double DeviceWaitFactor = 2;

    /// <summary>A cadence is steady when the 90th percentile of the time between completions is within this factor of the median.</summary>
    public const double SteadyCadenceFactor = 1.25;

    /// <summary>Largest N and longest L the what-if search tries.</summary>
    private const int MaxPendingTried = 64;
    private const int MaxLengthDoublings = 8;

    /// <summary>
    /// Decides what limited <paramref name="m"/>, an endpoint read through <paramref name="endpoint"/> (from its descriptor),
    /// under <paramref name="options"/>. Rules, in order:
    /// <list type="number">
    /// <item>fewer than <see cref="MinTransfers"/> transfers: undetermined;</item>
    /// <item>measured ≥ <see cref="AtCeilingShare"/> of the ceiling (or, bulk, of the measured hosts' rate): bus-limited;</item>
    /// <item>one request at a time, a steady cadence and more time between requests than in them: application-limited;</item>
    /// <item>measured ≥ <see cref="ExplainedShare"/> of the model at the measured N, L and turnaround, the model's pipeline
    /// binding: pipeline-limited;</item>
    /// <item>measured well under the model and requests in flight over <see cref="DeviceWaitFactor"/> times the bus time they
    /// need: device-limited;</item>
    /// <item>otherwise undetermined, with the numbers.</item>
    /// </list>
    /// The rules read the measurements and the analytic model only, so <paramref name="detail"/> changes what is reported
    /// beside the verdict, never the verdict: <see cref="VerdictDetail.Full"/> adds the simulation at the measured point and
    /// the what-if levers, <see cref="VerdictDetail.Analytic"/> leaves both out (what every other endpoint of a capture gets).
    /// </summary>
    public static CaptureVerdict Decide(EndpointMeasurement m, EndpointDescriptor endpoint, AnalysisOptions? options = null, ulong seed = 1,
        VerdictDetail detail = VerdictDetail.Full)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= AnalysisOptions.Default;
        var analysis = ThroughputAnalysis.Analyze(endpoint, null, options);
        var ceiling = analysis.ThroughputBytesPerSecond;
        var hostRate = analysis.HostRate is { } h && analysis.BulkRateBytesPerSecond is null && options.BulkCeiling == BulkCeiling.Spec
            ? h.CeilingBytesPerSecond : (double?)null;
        var maxPacket = analysis.EffectiveMaxPacketSize;
        // Whole span, first submit to last completion: the steady-state figure leaves out the idle time between requests,
        // which is exactly what a pipeline- or application-limited reader loses.
        var measured = m.ThroughputBytesPerSecond;
        var n = Math.Max(1, m.InFlight.Max);
        var meanBytes = m.Transfers > 0 ? (double)m.Bytes / m.Transfers : 0;
        var length = Math.Max(1, (long)Math.Ceiling(meanBytes / maxPacket - 1e-9)) * maxPacket;
        var turnaround = MeasuredTurnaround.From(m.Turnaround);
        var notes = new List<string>();
        var evidence = new List<string>
        {
            $"{Rate(measured)} measured ({Share(measured, ceiling)} of the {Rate(ceiling)} ceiling)",
            $"{m.Transfers.ToString("N0", CultureInfo.InvariantCulture)} transfers of {FormatBytes(meanBytes)} on average",
            $"at most {m.InFlight.Max} request(s) in flight, median {m.InFlight.Median}",
            $"turnaround median {Seconds(m.Turnaround.P50Seconds)}, p99 {Seconds(m.Turnaround.P99Seconds)}",
            $"latency median {Seconds(m.Latency.P50Seconds)}, p99 {Seconds(m.Latency.P99Seconds)}",
            $"a request in flight {m.BusyFraction:P0} of the time",
        };

        // The model and the simulation at the measured operating point. A bulk endpoint is served at the rate this capture's
        // transfers moved while one was in flight (never above the spec's ceiling): what this host and device delivered.
        SimulationSettings? specPoint = null, point = null;
        SimulationPlan? plan = null;
        SimulationResult? simulated = null;
        double? serviceRate = null;
        var full = detail == VerdictDetail.Full;
        if (m.Transfers >= MinTransfers && SimulationPlan.Simulates(endpoint.Type))
        {
            specPoint = new SimulationSettings(endpoint, n, length, turnaround ?? TurnaroundDistribution.Fixed(Duration.Zero))
            {
                Queue = RequestQueue.Generic,
                Options = options,
                Seed = seed,
                SimulatedTime = Duration.FromSeconds(Math.Clamp(m.SpanSeconds, 0.05, 10)),
            };
            point = specPoint;
            if (!EndpointRules.IsPeriodic(endpoint.Type) && m.BusyThroughputBytesPerSecond > 0)
            {
                serviceRate = Math.Min(m.BusyThroughputBytesPerSecond, analysis.BusLimitBytesPerSecond);
                point = specPoint with { Options = options with { BulkCeiling = BulkCeiling.Spec, BulkRateBytesPerSecond = serviceRate } };
            }
            try
            {
                plan = SimulationPlan.Create(point);
                if (full) simulated = ReaderSimulation.Run(point);
            }
            catch (UsbInputException e)
            {
                notes.Add($"the model could not be run at the measured point: {e.Message}");
                point = specPoint = null;
                plan = null;
            }
        }
        if (!full && plan is not null)
            notes.Add("decided from the measurements and the analytic model only: no simulation and no what-if levers for this endpoint (the charted endpoint gets both)");
        var model = plan?.Analytic;
        var modelLimit = plan?.AnalyticLimitedBy;
        var pointCeiling = plan?.BusLimit ?? ceiling;
        double? deviation = model is { } mo && measured > 0 ? (mo - measured) / measured : null;
        var specModel = specPoint is null ? null : Predict(specPoint);

        MeasuredLimit verdict;
        string reason, lift = "";
        var whatIfs = new List<CaptureWhatIf>();
        // The bus time one request needs at the spec's (or the named host's) rate, plus one service interval of waiting.
        var serviceSeconds = specPoint is null ? 0 : ServiceSeconds(specPoint);
        var steadyCadence = m.CompletionInterval.P50Seconds > 0 && m.CompletionInterval.P90Seconds <= SteadyCadenceFactor * m.CompletionInterval.P50Seconds;

        if (m.Transfers < MinTransfers)
        {
            verdict = MeasuredLimit.Undetermined;
            reason = $"only {m.Transfers} transfers were paired; a verdict needs at least {MinTransfers}";
        }
        else if (measured >= AtCeilingShare * ceiling)
        {
            verdict = MeasuredLimit.Bus;
            reason = $"{Rate(measured)} is {Share(measured, ceiling)} of the {Rate(ceiling)} {(analysis.EffectiveType is TransferType.Interrupt or TransferType.Isochronous ? "the descriptor reserves" : "ceiling")}";
            lift = LiftBus(analysis);
        }
        else if (hostRate is { } host && measured >= AtCeilingShare * host)
        {
            verdict = MeasuredLimit.Bus;
            reason = $"{Rate(measured)} is {Share(measured, host)} of the {Rate(host)} measured hosts reach for bulk (the spec allows {Rate(ceiling)})";
            lift = "; a faster host controller or a faster bus would lift it";
        }
        else if (m.InFlight.Max == 1 && steadyCadence && m.Turnaround.P50Seconds > m.Latency.P50Seconds)
        {
            verdict = MeasuredLimit.Application;
            reason = $"one request at a time, completing every {Seconds(m.CompletionInterval.P50Seconds)} (p90 {Seconds(m.CompletionInterval.P90Seconds)}), "
                     + $"with {Seconds(m.Turnaround.P50Seconds)} between a completion and the next submit against {Seconds(m.Latency.P50Seconds)} in flight: a polling loop, not a reader";
            if (full && point is not null) AddPendingLevers(point, n, pointCeiling, whatIfs);
            if (whatIfs.Count > 0) lift = $"; keeping reads pending would lift it ({whatIfs[^1].Lever}: {Rate(whatIfs[^1].PredictedBytesPerSecond)})";
        }
        else if (model is { } predicted && measured >= ExplainedShare * predicted && modelLimit == Usb.LimitedBy.Pipeline)
        {
            verdict = MeasuredLimit.Pipeline;
            if (full)
            {
                AddPendingLevers(point!, n, pointCeiling, whatIfs);
                AddLengthLevers(point!, length, pointCeiling, whatIfs);
            }
            reason = $"{n} request(s) in flight with a median turnaround of {Seconds(m.Turnaround.P50Seconds)} (mean {Seconds(m.Turnaround.MeanSeconds)}) leave the bus idle between completions; "
                     + $"the model at N = {n}, L = {length:N0} B{(serviceRate is { } b ? $", served at the {Rate(b)} the capture's transfers moved at" : "")} predicts {Rate(predicted)} ({Signed(deviation!.Value)} against the measurement)";
            lift = Levers(whatIfs, pointCeiling);
        }
        else if (specModel is { } p2 && measured < ExplainedShare * p2.Rate && m.Latency.P50Seconds > DeviceWaitFactor * serviceSeconds)
        {
            verdict = MeasuredLimit.Device;
            reason = $"requests stayed in flight {Seconds(m.Latency.P50Seconds)} (median) where the bus needs {Seconds(serviceSeconds)} to serve one, and {Rate(measured)} is "
                     + $"well under the {Rate(p2.Rate)} the model allows at N = {n}: the device had no data";
            lift = "; more pending reads or longer transfers would not help";
        }
        else
        {
            verdict = MeasuredLimit.Undetermined;
            reason = model is { } p3
                ? $"{Rate(measured)} against the model's {Rate(p3)} at N = {n} ({(modelLimit == Usb.LimitedBy.Pipeline ? "pipeline" : "ceiling")} binding), latency median {Seconds(m.Latency.P50Seconds)}: no rule fits these numbers"
                : $"{Rate(measured)} with no model at the measured point";
        }

        return new CaptureVerdict(verdict, $"{Label(verdict)} ({m.DeviceName} {m.EndpointName}): {reason}{lift}.", reason, evidence, measured, ceiling, hostRate, n, length, turnaround,
            serviceRate, model, modelLimit, simulated?.ThroughputBytesPerSecond, deviation, whatIfs, notes);
    }

    /// <summary>The verdict's name as a sentence starts it: <c>Pipeline-limited</c>, <c>Undetermined</c>.</summary>
    public static string Label(MeasuredLimit limit) => limit switch
    {
        MeasuredLimit.Bus => "Bus-limited",
        MeasuredLimit.Pipeline => "Pipeline-limited",
        MeasuredLimit.Device => "Device-limited",
        MeasuredLimit.Application => "Application-limited",
        _ => "Undetermined",
    };

    /// <summary>N + 1, then the fewest pending reads (up to 64) that reach 99 % of the ceiling.</summary>
    private static void AddPendingLevers(SimulationSettings point, int n, double ceiling, List<CaptureWhatIf> whatIfs)
    {
        var next = Predict(point with { PendingReads = n + 1 });
        if (next is null) return;
        whatIfs.Add(new CaptureWhatIf($"{n + 1} requests in flight", n + 1, point.TransferLength, next.Value.Rate, next.Value.Limit));
        for (var candidate = n + 2; candidate <= MaxPendingTried; candidate++)
        {
            if (Predict(point with { PendingReads = candidate }) is not { } p) return;
            if (p.Rate >= 0.99 * ceiling)
            {
                whatIfs.Add(new CaptureWhatIf($"{candidate} requests in flight", candidate, point.TransferLength, p.Rate, p.Limit));
                return;
            }
        }
    }

    /// <summary>Twice the transfer length, then the shortest doubling (up to 2^8 × L) that reaches 99 % of the ceiling.</summary>
    private static void AddLengthLevers(SimulationSettings point, long length, double ceiling, List<CaptureWhatIf> whatIfs)
    {
        for (var j = 1; j <= MaxLengthDoublings; j++)
        {
            var candidate = length << j;
            if (Predict(point with { TransferLength = candidate }) is not { } p) return;
            if (j == 1 || p.Rate >= 0.99 * ceiling)
                whatIfs.Add(new CaptureWhatIf($"transfers of {candidate:N0} B", point.PendingReads, candidate, p.Rate, p.Limit));
            if (p.Rate >= 0.99 * ceiling) return;
        }
    }

    private static (double Rate, LimitedBy Limit)? Predict(SimulationSettings settings)
    {
        try
        {
            var plan = SimulationPlan.Create(settings);
            return (plan.Analytic, plan.AnalyticLimitedBy);
        }
        catch (UsbInputException)
        {
            return null;
        }
    }

    /// <summary>One request's bus time at <paramref name="point"/>'s ceiling plus one interval of waiting, seconds.</summary>
    private static double ServiceSeconds(SimulationSettings point)
    {
        try
        {
            var plan = SimulationPlan.Create(point);
            return (plan.IntervalsPerRequest + 1) * plan.Period.Seconds;
        }
        catch (UsbInputException)
        {
            return 0;
        }
    }

    private static string Levers(IReadOnlyList<CaptureWhatIf> whatIfs, double ceiling)
    {
        if (whatIfs.Count == 0) return "";
        var reaching = whatIfs.Where(w => w.PredictedBytesPerSecond >= 0.99 * ceiling).Select(w => w.Lever).ToList();
        var parts = whatIfs.Select(w => $"{w.Lever}: {Rate(w.PredictedBytesPerSecond)}");
        return $"; with the same turnaround, {string.Join(", ", parts)}"
               + (reaching.Count > 0 ? $" ({string.Join(" or ", reaching)} would reach the {Rate(ceiling)} ceiling)" : "");
    }

    private static string LiftBus(ThroughputReport analysis)
    {
        var lifts = analysis.BusAlternatives.Where(a => a.BusLimitBytesPerSecond is { } r && r > analysis.ThroughputBytesPerSecond).Take(2).Select(a => a.Suggestion).ToList();
        return lifts.Count > 0 ? $"; only a change on the device side lifts it: {string.Join("; ", lifts)}" : "";
    }

    private static string Rate(double bytesPerSecond) => Quantities.FormatRate(bytesPerSecond);

    private static string Seconds(double seconds) => Quantities.FormatSeconds(seconds);

    private static string FormatBytes(double bytes) => $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} B";

    private static string Share(double part, double whole) => whole > 0 ? (part / whole).ToString("P1", CultureInfo.InvariantCulture) : "—";

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : "") + fraction.ToString("P1", CultureInfo.InvariantCulture);
}

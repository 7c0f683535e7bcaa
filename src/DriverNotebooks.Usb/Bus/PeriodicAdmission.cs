using System.Numerics;

namespace DriverNotebooks.Usb;

/// <summary>
/// Admission check for several periodic endpoints sharing one bus: each is placed, in order, at the (micro)frame
/// offset within its period that keeps the busiest (micro)frame lowest; it fits if that stays within the periodic
/// budget (80 % of a HS microframe, 90 % of a FS frame, 90 % of a SS bus interval).
/// </summary>
/// <remarks>
/// Budgets: [S1b] USB 2.0 §5.6.4/§5.7.4, [S2] <c>FRAME_TIME_MAX_BITS_ALLOC</c>, [S7] EHCI <c>uframe_periodic_max = 100</c> µs,
/// [S6] <c>SS_BW_RESERVED 10</c>. Costs: <see cref="BusTime"/>. A HS high-bandwidth endpoint is charged mult separate
/// transactions; Linux EHCI charges one transaction of mult × maxp bytes (<c>usb_calc_bus_time(..., mult * maxp)</c>),
/// slightly less. Periods that are not a power of two (spec FS/LS interrupt) are rounded down to schedule them.
/// Split transactions through a transaction translator are not modelled: endpoints must run at the bus speed
/// (low-speed endpoints may share a full-speed bus).
/// </remarks>
public static class PeriodicAdmission
{
    /// <summary>Checks the endpoints with the default options and the Linux bus-time model.</summary>
    public static AdmissionResult Check(UsbSpeed speed, params EndpointDescriptor[] endpoints) =>
        Check(speed, endpoints, null, BusTimeModel.Linux);

    /// <summary>Checks the endpoints, in order, under <paramref name="options"/> (policy decodes the periods).</summary>
    /// <exception cref="UsbInputException">An endpoint is invalid, not periodic, or at another speed (field prefixed message).</exception>
    public static AdmissionResult Check(UsbSpeed speed, IEnumerable<EndpointDescriptor> endpoints, AnalysisOptions? options, BusTimeModel model = BusTimeModel.Linux)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= AnalysisOptions.Default;
        var list = endpoints.ToList();
        if (list.Count == 0)
            throw new UsbInputException(UsbInputField.Endpoints, "(none)", "one or more periodic endpoints", "the admission check needs at least one endpoint; allowed: one or more periodic endpoints");

        var frame = UsbBus.NativeInterval(speed);
        var frameNs = frame.Picoseconds / Duration.PicosecondsPerNanosecond;
        var percent = UsbBus.PeriodicPercent(speed);
        var budget = frameNs * percent / 100;

        var prepared = new List<(EndpointDescriptor D, long Cost, int Period, bool Rounded, double NsPerByte)>();
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            ValidatedEndpoint v;
            try { v = EndpointValidator.Validate(d, null, options).Endpoint; }
            catch (UsbInputException ex)
            {
                throw new UsbInputException(ex.Field, ex.Value, ex.Allowed, $"endpoint {i + 1}: {ex.Message}");
            }
            if (!v.IsPeriodic)
                throw new UsbInputException(UsbInputField.Type, UsbNames.Describe(v.Type), "interrupt or isochronous",
                    $"endpoint {i + 1}: a {UsbNames.Describe(v.Type)} endpoint reserves no periodic bandwidth; allowed: interrupt or isochronous");
            var sameBus = d.Speed == speed || (speed == UsbSpeed.Full && d.Speed == UsbSpeed.Low);
            if (!sameBus)
                throw new UsbInputException(UsbInputField.Speed, UsbNames.Describe(d.Speed), UsbNames.Describe(speed),
                    $"endpoint {i + 1}: a {UsbNames.Describe(d.Speed)} endpoint does not run on a {UsbNames.Describe(speed)} bus; allowed: {UsbNames.Describe(speed)}" +
                    (speed == UsbSpeed.Full ? " or low-speed" : "") + " (split transactions are not modelled)");
            var period = v.Interval.NativeIntervals;
            var pow2 = (int)BitOperations.RoundUpToPowerOf2((uint)period) == period ? period : 1 << (31 - BitOperations.LeadingZeroCount((uint)period));
            prepared.Add((d, Cost(v, options, model), pow2, pow2 != period, NanosecondsPerByte(v.Speed)));
        }

        var horizon = prepared.Max(p => p.Period);
        var load = new long[horizon];
        var entries = new List<AdmissionEntry>();
        for (var i = 0; i < prepared.Count; i++)
        {
            var (d, cost, period, rounded, nsPerByte) = prepared[i];
            var bestPhase = 0;
            var bestPeak = long.MaxValue;
            for (var phase = 0; phase < period; phase++)
            {
                var peak = 0L;
                for (var slot = phase; slot < horizon; slot += period) peak = Math.Max(peak, load[slot]);
                if (peak < bestPeak) { bestPeak = peak; bestPhase = phase; }
            }
            var total = bestPeak + cost;
            var fits = total <= budget;
            if (fits)
                for (var slot = bestPhase; slot < horizon; slot += period) load[slot] += cost;
            var over = Math.Max(0, total - budget);
            entries.Add(new AdmissionEntry(i + 1, d, cost, period, rounded, fits, bestPhase, total, over,
                (long)Math.Ceiling(over / nsPerByte), 100.0 * over / frameNs));
        }
        return new AdmissionResult(speed, frameNs, percent, budget, model, entries, Summarize(speed, entries, budget, percent, load.Max()));
    }

    /// <summary>Bus time one endpoint needs in each (micro)frame it is scheduled in.</summary>
    public static long Cost(ValidatedEndpoint endpoint, AnalysisOptions options, BusTimeModel model)
    {
        var speed = endpoint.Speed;
        var iso = endpoint.Type == TransferType.Isochronous;
        if (UsbBus.IsSuperSpeed(speed))
            return (long)Math.Ceiling(BusTime.SuperSpeedNanoseconds(speed, endpoint.PacketsPerInterval, endpoint.MaxPacketSize, options.PacketOverheadBytes(speed)));
        var each = model == BusTimeModel.Linux
            ? BusTime.LinuxNanoseconds(speed, endpoint.Direction, iso, endpoint.MaxPacketSize)
            : (long)Math.Ceiling(BusTime.SpecNanoseconds(speed, endpoint.Direction, iso, endpoint.MaxPacketSize, options.Stuffing));
        return each * endpoint.PacketsPerInterval;
    }

    private static double NanosecondsPerByte(UsbSpeed speed) => speed switch
    {
        UsbSpeed.High => 8 * BusTime.HighSpeedBitTimePicoseconds / 1000.0,
        UsbSpeed.Full => 8 * 83.54,
        UsbSpeed.Low => 8 * 676.67,
        _ => 1e9 / UsbBus.SuperSpeedLineRate(speed),
    };

    private static string Summarize(UsbSpeed speed, List<AdmissionEntry> entries, long budget, int percent, long peak)
    {
        var unit = UsbNames.IntervalName(speed);
        var failed = entries.Where(e => !e.Fits).ToList();
        if (failed.Count == 0)
            return $"All {entries.Count} periodic endpoint{(entries.Count == 1 ? "" : "s")} fit: the busiest {unit} carries {peak:N0} ns of the {budget:N0} ns ({percent} %) periodic budget.";
        var first = failed[0];
        var more = failed.Count > 1 ? $" {failed.Count - 1} more endpoint{(failed.Count == 2 ? "" : "s")} (" + string.Join(", ", failed.Skip(1).Select(f => f.Position)) + ") do not fit either." : "";
        return $"Endpoint {first.Position} ({first.Endpoint}) does not fit: its best {unit} would carry {first.PeakLoadNanoseconds:N0} ns, " +
               $"{first.OverByNanoseconds:N0} ns ({first.OverByBytes:N0} B, {first.OverByPercentOfFrame:0.##} % of a {unit}) over the {percent} % budget of {budget:N0} ns.{more}";
    }
}

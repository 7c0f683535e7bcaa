using System.Globalization;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Formatting;

/// <summary>The facts a person reads off a USB result, shared by its HTML and text formatters.</summary>
public static class UsbCards
{
    public static ResultCard Throughput(ThroughputView view)
    {
        var r = view.Report;
        var card = new ResultCard($"USB throughput: {r.Endpoint}")
            .Verdict(r.Verdict.Text)
            .Number("Bus allows", $"{Rate(r.BusLimitBytesPerSecond)} ({r.BusLimitDerivation})")
            .Number("Service period", $"{Quantities.FormatSeconds(r.ServicePeriodSeconds)} ({r.IntervalRule})")
            .Number("Bytes per service period", $"{r.BytesPerInterval:N0} B in {r.TransactionsPerInterval} transaction{(r.TransactionsPerInterval == 1 ? "" : "s")}")
            .Number("Bus time of one transaction", $"{r.TransactionBusTimeNanoseconds:N0} ns (Linux usb_calc_bus_time); {r.SpecTransactionBusTimeNanoseconds:N0} ns (spec §5.11.3 formula, {(r.Stuffing == BitStuffing.WorstCase ? "worst-case" : "no")} stuffing{HostDelayAssumed(r.Endpoint.Speed)})")
            .Number("Policy", UsbNames.ToCliName(r.Policy));
        if (r.BulkRateBytesPerSecond is { } bulk) card.Number("Host bulk rate given", Rate(bulk));
        if (r.HostRate is { } host)
        {
            card.Number($"Bulk rate on {HostRateExpectation.Label}", $"{host.Published.Range} {host.Published.Keys} against the spec's {Rate(host.SpecCeilingBytesPerSecond)}"
                + (r.Options.BulkCeiling == BulkCeiling.MeasuredHosts && r.BulkRateBytesPerSecond is null ? $"; predicting with its low end, {Rate(host.CeilingBytesPerSecond)}" : ""));
        }
        if (r.Pipeline is { } p)
        {
            card.Number("Pipeline", $"{p.PendingReads} pending read{(p.PendingReads == 1 ? "" : "s")}{(r.EffectivePendingReads is { } n && n != p.PendingReads ? $" (the framework uses {n})" : "")} of {p.TransferLength:N0} B, turnaround {p.Turnaround}");
            card.Number("Pipeline allows", Rate(r.PipelineLimitBytesPerSecond!.Value));
            if (r.TurnaroundBudgetSeconds is { } budget) card.Number("Turnaround budget", $"{Quantities.FormatSeconds(budget)} keeps the bus busy with these reads");
            if (r.PendingReadsForCeiling is { } needN) card.Number("Pending reads for the ceiling", needN.ToString(CultureInfo.InvariantCulture));
            if (r.TransferLengthForCeiling is { } needL) card.Number("TransferLength for the ceiling", $"{needL:N0} B");
        }
        card.Number("Expected throughput", $"{Rate(r.ThroughputBytesPerSecond)}{(r.LimitedBy is { } limit ? $", limited by the {LimitName(r, limit)}" : "")}");
        if (r.HostRate is { } expected && r.BulkRateBytesPerSecond is null && r.Options.BulkCeiling == BulkCeiling.Spec)
        {
            card.Number($"Expected on {HostRateExpectation.Label}", $"{Rate(expected.ExpectedBytesPerSecond)}"
                + (expected.LimitedBy is { } hostLimit ? $", limited by the {(hostLimit == LimitedBy.Bus ? "host" : "pipeline")}" : $" (the low end of {expected.Published.Range})"));
        }
        if (view.MeasuredBytesPerSecond is { } measured)
        {
            card.Number("Measured", $"{Rate(measured)} ({measured / r.ThroughputBytesPerSecond:P0} of the expected throughput)");
        }
        foreach (var note in Notes(r.Warnings)) card.Note(note);
        return card;
    }

    /// <summary>The spec leaves Host_Delay to the implementation; the formula's figure uses Linux's guess, and says so.</summary>
    private static string HostDelayAssumed(UsbSpeed speed) => speed switch
    {
        UsbSpeed.High => $", Host_Delay = {BusTime.HighSpeedHostDelayNanoseconds} ns assumed",
        UsbSpeed.Full or UsbSpeed.Low => $", Host_Delay = {BusTime.HostDelayNanoseconds:N0} ns assumed",
        _ => "",
    };

    /// <summary>A descriptor dump: each device and its speed, every endpoint with its bus ceiling, every alternate setting's reservation.</summary>
    public static ResultCard Descriptors(DescriptorReport report)
    {
        var dump = report.Dump;
        var rejected = report.Endpoints.Count(e => e.Problem is not null);
        var card = new ResultCard($"USB descriptors: {Path.GetFileName(dump.Source)}")
            .Verdict($"{dump.Devices.Count} device{(dump.Devices.Count == 1 ? "" : "s")} with {report.Endpoints.Count} endpoint{(report.Endpoints.Count == 1 ? "" : "s")} read from {DescriptorDumpReader.Describe(dump.Format)}"
                + (rejected == 0 ? "; every endpoint's bus ceiling follows." : $"; {rejected} endpoint{(rejected == 1 ? "" : "s")} the {UsbNames.ToCliName(report.Options.Policy)} policy rejects (see the notes)."));
        foreach (var device in dump.Devices)
        {
            card.Number($"{device.Label}{(device.Name.Length > 0 ? " " + device.Name : "")}",
                $"{UsbNames.Describe(device.Speed.Speed)}, {device.Speed.How}; USB {device.UsbVersion}");
        }
        card.Number("Policy", UsbNames.ToCliName(report.Options.Policy));

        var several = dump.Devices.Count > 1;
        var endpoints = new ResultTable("Endpoints", [.. several ? ["Device"] : Array.Empty<string>(), "Cfg", "If", "Alt", "Endpoint", "Type", "Max packet", "Per interval", "bInterval", "Service period", "Bus ceiling"]);
        foreach (var c in report.Endpoints)
        {
            var e = c.Endpoint;
            var perInterval = c.Validated is { } v
                ? (UsbBus.IsSuperSpeed(v.Speed) ? $"{v.MaxPacketSize} B × burst {v.Descriptor.Burst} × Mult {v.Descriptor.Mult}" : $"{v.MaxPacketSize} B × {v.PacketsPerInterval}")
                  + (v.IsPeriodic ? $" = {v.BytesPerInterval:N0} B" : "")
                : "";
            string[] cells =
            [
                c.Configuration.ToString(CultureInfo.InvariantCulture), c.Interface.Number.ToString(CultureInfo.InvariantCulture),
                c.Interface.AlternateSetting.ToString(CultureInfo.InvariantCulture), $"{e.AddressText} {e.Direction.ToString().ToUpperInvariant()}",
                UsbNames.Describe(e.Type), $"{e.MaxPacketSize} (0x{e.WMaxPacketSize:x4})", perInterval, e.BInterval.ToString(CultureInfo.InvariantCulture),
                c.Limit is { } l ? Quantities.FormatSeconds(l.ServicePeriod.Seconds) : "", c.Limit is { } limit ? Rate(limit.BytesPerSecond) : c.Problem is null ? "none (max packet 0)" : "rejected",
            ];
            endpoints.Row([.. several ? [c.Device.Label] : Array.Empty<string>(), .. cells]);
        }
        card.Table(endpoints);
        if (report.AlternateSettings.Count > 0)
        {
            var settings = new ResultTable("Bandwidth each alternate setting reserves", [.. several ? ["Device"] : Array.Empty<string>(), "Cfg", "Interface", "Alt", "Periodic endpoints", "Reserves"]);
            foreach (var a in report.AlternateSettings)
            {
                string[] cells =
                [
                    a.Configuration.ToString(CultureInfo.InvariantCulture), a.Interface.ToString(CultureInfo.InvariantCulture),
                    a.AlternateSetting.ToString(CultureInfo.InvariantCulture), a.PeriodicEndpoints.ToString(CultureInfo.InvariantCulture),
                    Rate(a.BytesPerSecond) + (a.Rejected > 0 ? $" ({a.Rejected} rejected endpoint{(a.Rejected == 1 ? "" : "s")} not counted)" : ""),
                ];
                settings.Row([.. several ? [a.Device.Label] : Array.Empty<string>(), .. cells]);
            }
            card.Table(settings);
        }
        foreach (var c in report.Endpoints.Where(c => c.Problem is not null))
            card.Note($"{(several ? c.Device.Label + " " : "")}endpoint {c.Endpoint.AddressText} (interface {c.Interface.Number} alt {c.Interface.AlternateSetting}, {c.Endpoint.Where}): {c.Problem}");
        card.Note("Take one endpoint into the model with --from FILE --endpoint ADDR [--alt N] on #!usb-throughput, #!usb-simulate or #!usb-sweep.");
        return card;
    }

    public static ResultCard Simulation(SimulationView view)
    {
        var s = view.Result;
        var settings = s.Settings;
        var ofBus = s.BusLimitBytesPerSecond > 0 ? s.ThroughputBytesPerSecond / s.BusLimitBytesPerSecond : 0;
        var (ceilingWho, ceilingLimited) = s.Ceiling switch
        {
            SimulationCeiling.HostRate => ("the host", "host"),
            SimulationCeiling.BusBudget => ("the bus", "bus"),
            _ => ("the bus", "device"),
        };
        var slots = s.Ceiling == SimulationCeiling.DescriptorReservation ? "service intervals" : "packet slots";
        var verdict = $"Delivered {Rate(s.ThroughputBytesPerSecond)} over {Quantities.FormatSeconds(s.SimulatedSeconds)} of bus time, {ofBus:P1} of what {ceilingWho} allows; "
            + $"the analytic model gives {Rate(s.AnalyticBytesPerSecond)} ({(s.AnalyticLimitedBy == LimitedBy.Bus ? ceilingLimited : "pipeline")}-limited). "
            + (settings.Device is null
                ? $"{s.IdleIntervals:N0} {(s.Ceiling == SimulationCeiling.DescriptorReservation ? "service opportunities" : "packet slots")} passed with no read queued."
                : $"{s.LostOpportunities:N0} service opportunities passed with data waiting and no read queued; the device dropped {s.DroppedBytes:N0} B.");
        var card = new ResultCard($"USB reader simulation: {settings.Endpoint}")
            .Verdict(verdict)
            .Number("Reads", $"{s.EffectivePendingReads} pending × {settings.TransferLength:N0} B, turnaround {settings.Turnaround}")
            .Number("Simulated", $"{s.SimulatedIntervals:N0} {slots} of {Quantities.FormatSeconds(s.ServicePeriodSeconds)}, seed {settings.Seed}")
            .Number("Throughput (simulated)", Rate(s.ThroughputBytesPerSecond))
            .Number("Throughput (analytic)", Rate(s.AnalyticBytesPerSecond))
            // What the analytic figure is made of, so a reader can redo it: N·L every (k + E[s]) intervals, E[s] the mean of ceil(T/P) as sampled.
            .Number("Lost intervals per read (analytic)",
                $"E[⌈T / {Quantities.FormatSeconds(s.ServicePeriodSeconds)}⌉] = {s.MeanLostIntervalsPerRequest.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}, the mean over the sampled turnarounds")
            .Number(s.Ceiling == SimulationCeiling.HostRate ? "Host allows" : "Bus allows", Rate(s.BusLimitBytesPerSecond))
            .Number(settings.Device is null ? "Intervals busy / idle" : "Intervals busy / idle / device had no packet",
                (settings.Device is null ? $"{s.BusyIntervals:N0} / {s.IdleIntervals:N0}" : $"{s.BusyIntervals:N0} / {s.IdleIntervals:N0} / {s.StarvedIntervals:N0}")
                + $" of {s.SimulatedIntervals:N0} ({Shares(s)})")
            .Number("Request latency p50 / p90 / p99 / max",
                $"{Quantities.FormatSeconds(s.Latency.P50Seconds)} / {Quantities.FormatSeconds(s.Latency.P90Seconds)} / {Quantities.FormatSeconds(s.Latency.P99Seconds)} / {Quantities.FormatSeconds(s.Latency.MaxSeconds)}");
        if (settings.Device is { } device)
        {
            card.Number("Device", $"{Rate(device.RateBytesPerSecond)} into a {device.FifoDepthBytes:N0} B FIFO")
                .Number("Lost opportunities (data waiting, no read queued)", s.LostOpportunities.ToString("N0", CultureInfo.InvariantCulture))
                .Number("Dropped by the device", $"{s.DroppedBytes:N0} B of {s.ProducedBytes:N0} B produced");
        }
        if (view.MeasuredBytesPerSecond is { } measured) card.Number("Measured", Rate(measured));
        if (view.Capture is { } capture)
        {
            card.Number("Traffic written to", $"{capture.Path} ({capture.Bytes.ToString("N0", CultureInfo.InvariantCulture)} B, Linux usbmon pcapng)");
            card.Note($"The capture holds the simulated device's enumeration and every submit and completion of the run; #!usb-capture {capture.Path} reads it back, Wireshark opens it.");
        }
        foreach (var note in Notes(s.Warnings)) card.Note(note);
        return card;
    }

    public static ResultCard Sweep(SweepView view)
    {
        var rows = view.Result.Rows;
        var bus = rows.Count > 0 ? rows[0].BusLimitBytesPerSecond : 0;
        // The highest throughput; among points within 0.1 % of it, the one with the fewest reads.
        var top = rows.Count == 0 ? 0 : rows.Max(r => r.SimulatedMeanBytesPerSecond ?? r.AnalyticBytesPerSecond);
        var best = rows.Where(r => (r.SimulatedMeanBytesPerSecond ?? r.AnalyticBytesPerSecond) >= 0.999 * top)
            .OrderBy(r => r.EffectivePendingReads).ThenBy(r => r.TransferLength).FirstOrDefault();
        var verdict = best is null
            ? "The sweep has no points."
            : $"Best point: {Rate(best.SimulatedMeanBytesPerSecond ?? best.AnalyticBytesPerSecond)} with {best.PendingReads} pending read(s) of {best.TransferLength:N0} B and turnaround {best.Turnaround}; the bus allows {Rate(bus)}. "
              + (rows.Any(r => (r.SimulatedMeanBytesPerSecond ?? r.AnalyticBytesPerSecond) >= 0.99 * bus)
                  ? "The table below gives the fewest pending reads that reach 99 % of it for each turnaround and transfer length."
                  : "No point reaches 99 % of the bus limit.");
        var card = new ResultCard($"USB sweep: {view.Result.Settings.Endpoint}")
            .Verdict(verdict)
            .Number("Points", $"{rows.Count} × {view.Result.Settings.Seeds} seed(s) × {view.Result.Settings.SimulatedTime} of bus time")
            .Number("Simulated service intervals", view.Result.SimulatedIntervals.ToString("N0", CultureInfo.InvariantCulture))
            .Number("Bus allows", Rate(bus));
        if (view.MeasuredBytesPerSecond is { } measured) card.Number("Measured", Rate(measured));
        var table = new ResultTable("Sweep points", "Pending", "TransferLength", "Turnaround", "Analytic", "Simulated mean", "Min – max", "p99 latency");
        foreach (var r in rows)
        {
            table.Row(r.EffectivePendingReads == r.PendingReads ? r.PendingReads.ToString(CultureInfo.InvariantCulture) : $"{r.PendingReads} (→ {r.EffectivePendingReads})",
                $"{r.TransferLength:N0} B", r.Turnaround, Rate(r.AnalyticBytesPerSecond),
                r.SimulatedMeanBytesPerSecond is { } mean ? Rate(mean) : "—",
                r.SimulatedMinBytesPerSecond is { } min && r.SimulatedMaxBytesPerSecond is { } max ? $"{Rate(min)} – {Rate(max)}" : "—",
                r.MeanP99LatencySeconds is { } p99 ? Quantities.FormatSeconds(p99) : "—");
        }
        foreach (var note in Notes(view.Result.Warnings)) card.Note(note);
        var needed = PendingReadsForCeiling(rows, bus);
        if (needed.RowCount > 0) card.Table(needed);
        return card.Table(table, collapsed: true);
    }

    public static ResultCard Admission(AdmissionResult result)
    {
        var card = new ResultCard($"Periodic admission on a {UsbNames.Describe(result.Speed)} bus")
            .Verdict(result.Summary)
            .Number("Budget", $"{result.PeriodicPercent} % of {result.FrameNanoseconds:N0} ns = {result.BudgetNanoseconds:N0} ns per {UsbNames.IntervalName(result.Speed)}")
            .Number("Bus-time model", result.Model.ToString());
        var table = new ResultTable("Endpoints in the order they were admitted", "#", "Endpoint", "Cost", "Period", "Peak with it", "Fits", "Over by");
        foreach (var e in result.Entries)
        {
            table.Row(e.Position.ToString(CultureInfo.InvariantCulture), e.Endpoint.ToString(), $"{e.CostNanoseconds:N0} ns",
                $"{e.PeriodNativeIntervals}{(e.PeriodRoundedDown ? " (rounded down)" : "")}", $"{e.PeakLoadNanoseconds:N0} ns", e.Fits ? "yes" : "no",
                e.Fits ? "—" : $"{e.OverByNanoseconds:N0} ns ≈ {e.OverByBytes:N0} B ({e.OverByPercentOfFrame:0.0} % of the frame)");
        }
        return card.Table(table);
    }

    private static ResultTable PendingReadsForCeiling(IReadOnlyList<SweepRow> rows, double bus)
    {
        var table = new ResultTable("Fewest pending reads that reach 99 % of the bus limit", "Turnaround", "TransferLength", "Pending reads");
        foreach (var group in rows.GroupBy(r => (r.Turnaround, r.TransferLength)))
        {
            var reaching = group.Where(r => (r.SimulatedMeanBytesPerSecond ?? r.AnalyticBytesPerSecond) >= 0.99 * bus).ToList();
            table.Row(group.Key.Turnaround, $"{group.Key.TransferLength:N0} B",
                reaching.Count > 0 ? reaching.Min(r => r.EffectivePendingReads).ToString(CultureInfo.InvariantCulture) : $"more than {group.Max(r => r.EffectivePendingReads)}");
        }
        return table;
    }

    /// <summary>Warnings worth reading once: the quantile-table note repeats for every distribution of a sweep.</summary>
    private static IEnumerable<string> Notes(IEnumerable<string> warnings)
    {
        var quantile = false;
        foreach (var warning in warnings.Distinct())
        {
            if (warning.Contains("quantile table", StringComparison.Ordinal))
            {
                if (!quantile) yield return "Lognormal and percentile turnarounds are sampled through a 4096-segment quantile table; tails beyond the 1/8192 quantiles are cut.";
                quantile = true;
            }
            else
            {
                yield return warning;
            }
        }
    }

    private static string Rate(double bytesPerSecond) => Quantities.FormatRate(bytesPerSecond);

    /// <summary>
    /// Every simulated interval is busy (moved data), idle (no read queued) or, with a device, starved (a read queued, the
    /// device had less than a packet): the shares printed add up to 100 % (rounded to 0.1).
    /// </summary>
    internal static string Shares(SimulationResult s)
    {
        var total = (double)Math.Max(1, s.SimulatedIntervals);
        var parts = new List<string> { (s.BusyIntervals / total).ToString("P1", CultureInfo.InvariantCulture) + " busy", (s.IdleIntervals / total).ToString("P1", CultureInfo.InvariantCulture) + " idle" };
        if (s.Settings.Device is not null) parts.Add((s.StarvedIntervals / total).ToString("P1", CultureInfo.InvariantCulture) + " device had no packet");
        return string.Join(", ", parts);
    }

    /// <summary>What "bus" means for this report: the descriptor's reservation (periodic), a host rate (given or measured) or the bus budget.</summary>
    private static string LimitName(ThroughputReport r, LimitedBy limit) => limit switch
    {
        LimitedBy.Pipeline => "pipeline",
        _ when r.EffectiveType is TransferType.Interrupt or TransferType.Isochronous => "device (what its descriptor reserves)",
        _ when r.BulkRateBytesPerSecond is not null || (r.Options.BulkCeiling == BulkCeiling.MeasuredHosts && r.HostRate is not null) => "host's bulk rate",
        _ => "bus",
    };
}

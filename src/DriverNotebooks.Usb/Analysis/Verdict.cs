namespace DriverNotebooks.Usb;

/// <summary>
/// One or two sentences naming the binding limit and the change that would lift it, plus that change as data.
/// The first word names the lever: <c>Pipeline-limited</c> when more reads in flight (or longer ones, or a faster
/// completion path) would lift it; <c>Transfer-length-limited</c> when the host serves one request per service
/// interval and each request is shorter than an interval carries, so more reads would not help and only longer
/// transfers do; <c>Short-packet-limited</c> when the device ends each read early. All three are
/// <see cref="LimitedBy.Pipeline"/>: the driver's side of the ceiling.
/// </summary>
/// <param name="Text">The sentences.</param>
/// <param name="Limit">The binding limit; null when no pipeline was described.</param>
/// <param name="Remedies">The suggested changes, most effective first.</param>
public sealed record Verdict(string Text, LimitedBy? Limit, IReadOnlyList<Remedy> Remedies)
{
    /// <summary>The sentences.</summary>
    public override string ToString() => Text;

    internal static Verdict For(ValidatedEndpoint endpoint, BusLimit bus, double ceiling, ValidatedPipeline? pipeline,
        PipelineLimit? pipe, LimitedBy? limit, bool hostRateGiven, IReadOnlyList<BusAlternative> alternatives,
        string? hostRateLabel = null, HostRateExpectation? realHost = null)
    {
        var verdict = SpecVerdict(endpoint, bus, ceiling, pipeline, pipe, limit, hostRateGiven, alternatives, hostRateLabel);
        return realHost is null ? verdict : verdict with { Text = verdict.Text + " " + OnARealHost(realHost, pipeline) };
    }

    /// <summary>The second statement of a bulk verdict: what the same reads give at the rate measured hosts reach.</summary>
    private static string OnARealHost(HostRateExpectation host, ValidatedPipeline? pipeline)
    {
        var head = $"On a real host: {host.Summary}";
        if (pipeline is null || host.LimitedBy is null) return head + ".";
        var expected = Quantities.FormatRate(host.ExpectedBytesPerSecond);
        return host.LimitedBy == LimitedBy.Bus
            ? $"{head}, so expect about {expected}, host-limited: these reads keep up with it."
            : $"{head}, so expect about {expected}, pipeline-limited even there ({host.PendingReadsForCeiling} pending reads would reach the host's rate).";
    }

    private static Verdict SpecVerdict(ValidatedEndpoint endpoint, BusLimit bus, double ceiling, ValidatedPipeline? pipeline,
        PipelineLimit? pipe, LimitedBy? limit, bool hostRateGiven, IReadOnlyList<BusAlternative> alternatives, string? hostRateLabel)
    {
        var lift = alternatives.Count == 0 ? "nothing on the device side lifts it" : "to go faster use " + Join(alternatives.Select(a => a.Suggestion).ToList());
        var busRemedies = alternatives.Select(a => a.Remedy).ToList();
        var ceilingText = Quantities.FormatRate(ceiling);
        var source = hostRateGiven
            ? hostRateLabel ?? $"the effective host bulk rate you gave ({ceilingText})"
            : endpoint.IsPeriodic
                ? $"what the device's descriptor reserves ({Quantities.FormatBytes(bus.BytesPerInterval)} every {bus.ServicePeriod}; {BusShare(endpoint, bus)})"
                : $"the bus ({bus.TransactionsPerInterval} × {endpoint.MaxPacketSize} B per {UsbNames.IntervalName(endpoint.Speed)})";
        // Which ceiling binds, named for what sets it: the device's descriptor (periodic), a host's rate (given or
        // measured) or the bus budget (bulk/control); the pipeline is the driver's side.
        var ceilingKind = endpoint.IsPeriodic ? "Device" : hostRateGiven ? "Host" : "Bus";
        var allows = endpoint.IsPeriodic ? "the device's descriptor allows" : hostRateGiven ? "the host allows" : "the bus allows";

        if (pipeline is null || pipe is null || limit is null)
            return new Verdict($"The bus allows {ceilingText}, set by {source}; {lift}.", null, busRemedies);

        var n = pipeline.EffectivePendingReads;
        var l = Quantities.FormatBytes(pipeline.TransferLength);
        var t = pipeline.Turnaround;
        if (limit == LimitedBy.Bus)
        {
            return new Verdict(
                $"{ceilingKind}-limited at {ceilingText}: {n} pending read{S(n)} of {l} cover a turnaround of up to {pipe.TurnaroundBudget} " +
                $"(here {t}), so the driver keeps the endpoint busy and is not the bottleneck. The ceiling is {source}; {lift}.",
                LimitedBy.Bus, busRemedies);
        }

        var remedies = new List<Remedy>();
        var options = new List<string>();
        var kmdfCapped = pipeline.Settings.Queue == RequestQueue.KmdfContinuousReader && !pipeline.Settings.AllowPendingReadsBeyondFrameworkMax;
        var x = Quantities.FormatRate(pipe.BytesPerSecond);
        string why;
        var kind = "Pipeline-limited";
        if (pipe.RequestSizeLimited && pipeline.Settings.DeviceTransferBytes is { } d)
        {
            why = $"the device ends each {l} read after {Quantities.FormatBytes(d)} with a short packet, which retires the request in the " +
                  $"interval that carries it, and the host serves one request per service interval";
            remedies.Add(Remedy.FullDeviceTransfers);
            options.Add($"a device that fills each read ({Quantities.FormatBytes(endpoint.BytesPerInterval)} per interval or a multiple)");
            kind = "Short-packet-limited";
            why += "; more pending reads would not lift it";
        }
        else if (pipe.RequestSizeLimited)
        {
            var bpi = endpoint.BytesPerInterval;
            var lastFill = pipeline.TransferLength - (long)(pipe.IntervalsPerRequest!.Value - 1) * bpi;
            why = $"the host serves one request per service interval, and a {l} read fills only {Quantities.FormatBytes(lastFill)} " +
                  $"of the {Quantities.FormatBytes(bpi)} its last interval could carry; more pending reads would not lift it";
            kind = "Transfer-length-limited";
            remedies.Add(Remedy.LongerTransfers);
            options.Add($"transfers of {Quantities.FormatBytes(bpi)} or a multiple");
        }
        else
        {
            if (pipe.Form == PipelineForm.Periodic)
            {
                var s = pipe.LostIntervalsPerRequest!.Value;
                var k = pipe.IntervalsPerRequest!.Value;
                var sText = s == Math.Floor(s) ? $"{s:0}" : $"about {s:0.##}";
                why = $"each read's {t} turnaround loses {sText} service interval{(s == 1 ? "" : "s")}, so {n} read{S(n)} of {l} " +
                      $"keep{(n == 1 ? "s" : "")} the endpoint busy only {(long)n * k} of every {Fmt(k + s)} intervals";
            }
            else
            {
                var service = Duration.FromSeconds(pipeline.TransferLength / ceiling);
                why = $"each {l} read spends {service} on the bus and {t} turning around, which {n} read{S(n)} cannot cover";
            }
            var needN = pipe.PendingReadsForCeiling;
            var nText = kmdfCapped && needN > ContinuousReader.NumPendingReadsMax
                ? $"{needN} pending reads (above the framework's cap of {ContinuousReader.NumPendingReadsMax}: a what-if only)"
                : $"{needN} pending reads";
            var lengthOption = pipe.TransferLengthForCeiling is { } needL ? $"transfers of {Quantities.FormatBytes(needL)}" : null;
            if (kmdfCapped && needN > ContinuousReader.NumPendingReadsMax && lengthOption is not null)
            {
                remedies.Add(Remedy.LongerTransfers); options.Add(lengthOption);
                remedies.Add(Remedy.MorePendingReads); options.Add(nText);
            }
            else
            {
                remedies.Add(Remedy.MorePendingReads); options.Add(nText);
                if (lengthOption is not null) { remedies.Add(Remedy.LongerTransfers); options.Add(lengthOption); }
            }
            remedies.Add(Remedy.FasterCompletionPath);
            options.Add(pipe.TurnaroundBudget.Picoseconds > 0
                ? $"a faster completion path (turnaround under {pipe.TurnaroundBudget})"
                : "a faster completion path");
        }
        return new Verdict(
            $"{kind} at {x} while {allows} {ceilingText}: {why}. To lift it use {Join(options)}.",
            LimitedBy.Pipeline, remedies);
    }

    private static string S(long n) => n == 1 ? "" : "s";

    /// <summary>How much of the bus a periodic endpoint's reservation uses: <c>its 1 transaction takes 16.7 % of each 125 µs</c>.</summary>
    private static string BusShare(ValidatedEndpoint endpoint, BusLimit bus)
    {
        var share = (double)bus.TransactionBusTimeNanoseconds * bus.TransactionsPerInterval / (bus.ServicePeriod.Picoseconds / 1000.0);
        var each = bus.ServicePeriod == UsbBus.NativeInterval(endpoint.Speed) ? $"each {bus.ServicePeriod}" : $"the {bus.ServicePeriod} between polls";
        return $"its {bus.TransactionsPerInterval} transaction{S(bus.TransactionsPerInterval)} take{(bus.TransactionsPerInterval == 1 ? "s" : "")} {share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)} of {each}";
    }

    private static string Fmt(double v) => v == Math.Floor(v) ? v.ToString("0") : v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        2 => parts[0] + " or " + parts[1],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
    };
}

using System.Globalization;
using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Formatting;

/// <summary>The facts a person reads off a capture's measurements, shared by its HTML and text formatters.</summary>
public static class CaptureCards
{
    public static ResultCard Capture(CaptureView view)
    {
        var r = view.Report;
        var card = new ResultCard($"USB capture: {r.Source}");
        var charted = view.Charted;
        var measured = charted is null
            ? r.Bus is { } packets && r.Endpoints.Count == 0
                ? CaptureBusCards.Lead(packets)
                : $"No transfer paired submit to completion in {r.Records:N0} records{FilterText(r.Filter)}."
            : $"{charted.DeviceName} endpoint {charted.EndpointName} ({Kind(charted)}) moved {charted.Bytes:N0} B in {charted.Transfers:N0} transfers: "
              + $"{Rate(charted.ThroughputBytesPerSecond)} over {Seconds(charted.SpanSeconds)}, {Rate(charted.SteadyThroughputBytesPerSecond)} in steady state, {Rate(charted.BusyThroughputBytesPerSecond)} while requests were in flight; "
              + $"at most {charted.InFlight.Max} in flight (median {charted.InFlight.Median}).";
        if (view.Verdict is { } verdict)
        {
            card.Verdict(verdict.Summary).Number("Measured", measured);
            AddVerdict(card, view.Endpoint!, verdict);
        }
        else
        {
            card.Verdict(measured);
            if (view.Endpoint is { Missing: { } missing }) card.Number("Verdict", $"none: {missing}");
        }
        card.Number("Capture", $"{r.Format}, link type {string.Join(", ", r.LinkTypes.Select(LinkTypes.Describe))}; {r.Records:N0} records over {Seconds(r.CaptureSeconds)}{FilterText(r.Filter)}");
        if (charted is not null)
        {
            card.Number("Submit → complete latency p50 / p90 / p99 / max", Distribution(charted.Latency))
                .Number("Complete → resubmit (turnaround) p50 / p90 / p99 / max", Distribution(charted.Turnaround))
                .Number("Between completions p50 / p99", $"{Seconds(charted.CompletionInterval.P50Seconds)} / {Seconds(charted.CompletionInterval.P99Seconds)}")
                .Number("Busy (≥ 1 request in flight)", $"{charted.BusyFraction:P1} of the span; {charted.IdleGaps.Count:N0} idle gaps, {Seconds(charted.IdleGaps.TotalSeconds)} in all, longest {Seconds(charted.IdleGaps.LongestSeconds)}");
            if (charted.RequestedLengths.Count > 0) card.Number("Requested lengths", string.Join(", ", charted.RequestedLengths.Take(3).Select(l => $"{l.Bytes:N0} B × {l.Count:N0}")));
            card.Number("Short transfers / errors", $"{charted.ShortTransfers:N0} / {(charted.Errors.Count == 0 ? "none" : string.Join(", ", charted.Errors.Select(e => $"{e.Name} × {e.Count:N0}")))}");
        }
        if (r.Descriptors.Count > 0)
        {
            card.Number("GET_DESCRIPTOR responses", string.Join(", ", r.Descriptors.GroupBy(d => $"{d.Bus}:{d.Device}").Select(g => $"{g.Key}: {g.Count()}")));
        }
        var table = new ResultTable("Endpoints", "device", "endpoint", "type", "transfers", "bytes", "throughput", "steady", "in flight max / median", "latency p50 / p99", "turnaround p50 / p99", "short", "errors", "unmatched");
        foreach (var e in r.Endpoints)
        {
            table.Row(e.DeviceName, e.EndpointName, Kind(e), e.Transfers.ToString("N0", CultureInfo.InvariantCulture), e.Bytes.ToString("N0", CultureInfo.InvariantCulture),
                Rate(e.ThroughputBytesPerSecond), Rate(e.SteadyThroughputBytesPerSecond), $"{e.InFlight.Max} / {e.InFlight.Median}",
                $"{Seconds(e.Latency.P50Seconds)} / {Seconds(e.Latency.P99Seconds)}", $"{Seconds(e.Turnaround.P50Seconds)} / {Seconds(e.Turnaround.P99Seconds)}",
                e.ShortTransfers.ToString("N0", CultureInfo.InvariantCulture), e.Errors.Sum(x => x.Count).ToString("N0", CultureInfo.InvariantCulture),
                e.UnmatchedCompletions.ToString("N0", CultureInfo.InvariantCulture));
        }
        // One row repeats the numbers above it: collapsed, so it stays out of print (fourteen columns do not fit A4).
        if (r.Endpoints.Count > 0 || r.Bus is null) card.Table(table, collapsed: r.Endpoints.Count == 1 || r.Endpoints.Count > 12);
        AddEndpointVerdicts(card, view);
        if (r.Bus is { } bus) CaptureBusCards.Add(card, bus);
        foreach (var warning in r.Warnings) card.Note(warning);
        return card;
    }

    /// <summary>
    /// Every endpoint's verdict, one line each under the table: three columns (endpoint, verdict, evidence) so the evidence
    /// wraps and the handout's page keeps its width. Endpoints with too few transfers share one note with their counts (the
    /// charted one only when no verdict above says so).
    /// A table whose only row is the charted endpoint repeats the verdict above it: collapsed, out of print, as is one
    /// longer than the endpoint table's 12 rows.
    /// </summary>
    private static void AddEndpointVerdicts(ResultCard card, CaptureView view)
    {
        if (view.Verdicts.Count == 0) return;
        var charted = view.Charted;
        bool IsCharted(EndpointVerdict v) => charted is not null && ReferenceEquals(v.Endpoint, charted);
        var decided = view.Verdicts.Where(v => !v.TooFewTransfers).ToList();
        if (decided.Count > 0)
        {
            var table = new ResultTable("What limited each endpoint", "endpoint", "verdict", "evidence");
            foreach (var v in decided)
                table.Row($"{v.Endpoint.DeviceName} {v.Endpoint.EndpointName} {Kind(v.Endpoint)}", v.Label, v.Evidence);
            card.Table(table, collapsed: (decided.Count == 1 && IsCharted(decided[0])) || decided.Count > 12);
        }
        var tooFew = view.Verdicts.Where(v => v.TooFewTransfers && !(IsCharted(v) && view.Verdict is not null)).ToList();
        if (tooFew.Count > 0)
        {
            card.Note($"Too few transfers for a verdict (it needs at least {CaptureVerdict.MinTransfers}): "
                      + string.Join(", ", tooFew.Select(v => $"{v.Endpoint.DeviceName} {v.Endpoint.EndpointName} ({v.Endpoint.Transfers.ToString("N0", CultureInfo.InvariantCulture)})")) + ".");
        }
    }

    /// <summary>The model beside the measurement: the descriptor it came from, the measured operating point, and the levers.</summary>
    private static void AddVerdict(ResultCard card, EndpointSource source, CaptureVerdict v)
    {
        card.Number("Descriptor", source.Source)
            .Number("Ceiling", $"{Rate(v.CeilingBytesPerSecond)}" + (v.HostRateBytesPerSecond is { } host ? $"; measured hosts reach {Rate(host)} for bulk" : ""));
        if (v.ModelBytesPerSecond is { } model)
        {
            card.Number("Model at the measured point",
                $"N = {v.PendingReads}, L = {v.TransferLength:N0} B, turnaround {v.Turnaround?.Describe() ?? "none measured"}"
                + (v.ServiceRateBytesPerSecond is { } b ? $", served at {Rate(b)}" : "")
                + $": analytic {Rate(model)} ({(v.ModelDeviation is { } d ? (d >= 0 ? "+" : "") + d.ToString("P1", CultureInfo.InvariantCulture) : "—")} against the measured {Rate(v.MeasuredBytesPerSecond)}), simulated {Rate(v.SimulatedBytesPerSecond ?? 0)}");
        }
        card.Number("Evidence", string.Join("; ", v.Evidence));
        if (v.WhatIfs.Count > 0)
        {
            var levers = new ResultTable("What each lever buys, the measured turnaround unchanged", "lever", "N", "L", "predicted", "limited by");
            foreach (var w in v.WhatIfs)
                levers.Row(w.Lever, w.PendingReads.ToString(CultureInfo.InvariantCulture), $"{w.TransferLength:N0} B", Rate(w.PredictedBytesPerSecond), UsbNames.ToCliName(w.LimitedBy));
            card.Table(levers);
        }
        foreach (var note in v.Notes) card.Note(note);
    }

    private static string Kind(EndpointMeasurement e) =>
        $"{(e.TransferType is { } t ? UsbNames.ToCliName(t) : "unknown")} {(e.Direction == TransferDirection.In ? "IN" : "OUT")}";

    private static string Distribution(DurationSummary d) =>
        d.Count == 0 ? "none measured" : $"{Seconds(d.P50Seconds)} / {Seconds(d.P90Seconds)} / {Seconds(d.P99Seconds)} / {Seconds(d.MaxSeconds)} ({d.Count:N0})";

    private static string FilterText(CaptureFilter f)
    {
        var parts = new List<string>();
        if (f.Bus is not null) parts.Add($"device {f.Bus}:{f.Device}");
        if (f.EndpointAddress is { } ep) parts.Add($"endpoint 0x{ep:x2}");
        if (f.FromSeconds is { } from) parts.Add($"from {Seconds(from)}");
        if (f.ToSeconds is { } to) parts.Add($"to {Seconds(to)}");
        return parts.Count == 0 ? "" : $" (kept: {string.Join(", ", parts)})";
    }

    private static string Rate(double bytesPerSecond) => Quantities.FormatRate(bytesPerSecond);

    private static string Seconds(double seconds) => Quantities.FormatSeconds(seconds);
}

using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Commands.Usb;

/// <summary>
/// The <c>--json</c> contract of <c>usb capture</c>: explicit records, so the engine's types can change without
/// changing what scripts parse. Rates are bytes per second, times seconds from the capture's first record.
/// </summary>
public static class CaptureJson
{
    public sealed record FilterJson(string? Device, string? Endpoint, double? FromSeconds, double? ToSeconds);

    public sealed record DistributionJson(long Count, double MinSeconds, double P50Seconds, double P90Seconds, double P99Seconds, double MaxSeconds, double MeanSeconds);

    public sealed record InFlightJson(int Max, int Median, double Mean);

    public sealed record IdleGapsJson(long Count, double TotalSeconds, double LongestSeconds);

    public sealed record CountJson(string Name, long Count);

    public sealed record LengthJson(long Bytes, long Count);

    public sealed record BinJson(double StartSeconds, long Bytes, long Completions, double MeanInFlight, int MaxInFlight);

    public sealed record SeriesJson(double BinSeconds, IReadOnlyList<BinJson> Bins);

    public sealed record EndpointJson(
        string Device,
        string Endpoint,
        string Direction,
        string? Type,
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
        InFlightJson InFlight,
        DistributionJson Latency,
        DistributionJson Turnaround,
        DistributionJson CompletionInterval,
        IdleGapsJson IdleGaps,
        IReadOnlyList<CountJson> Errors,
        IReadOnlyList<LengthJson> RequestedLengths,
        SeriesJson Series,
        EndpointVerdictJson Verdict);

    /// <summary>
    /// What limited one endpoint: <c>limitedBy</c> is bus, pipeline, device, application or undetermined (too few transfers,
    /// or no rule fits), null when no verdict could be decided; <c>evidence</c> is one line with the numbers, the count of
    /// transfers, or why there is none. The model is the analytic one at the measured point (the charted endpoint's full
    /// verdict, with the simulation and the levers, is the report's <c>verdict</c>).
    /// </summary>
    public sealed record EndpointVerdictJson(string? LimitedBy, string Evidence, string? DescriptorSource, double? CeilingBytesPerSecond, double? ModelBytesPerSecond);

    public sealed record DescriptorJson(string Device, int DescriptorType, int DescriptorIndex, int LanguageId, int RequestedLength, double TimeSeconds, string Hex);

    public sealed record ReportJson(
        string Source,
        string Format,
        IReadOnlyList<int> LinkTypes,
        long Records,
        double CaptureSeconds,
        double StartUnixSeconds,
        FilterJson Filter,
        IReadOnlyList<EndpointJson> Endpoints,
        IReadOnlyList<DescriptorJson> Descriptors,
        long DroppedDescriptorResponses,
        IReadOnlyList<string> Warnings,
        VerdictJson? Verdict,
        BusJson? Bus);

    public sealed record SofJson(long Count, int FirstFrameNumber, int LastFrameNumber, long RepeatedFrameNumbers, long Gaps,
        double? NominalIntervalSeconds, DistributionJson Interval, double StdDevSeconds);

    public sealed record FrameLoadJson(long Frames, long BusyFrames, long MaxPackets, double MeanPacketsPerBusyFrame, long MaxBytes, double? PeakShare);

    public sealed record BusEndpointJson(
        string Device,
        string Endpoint,
        string Direction,
        string? Type,
        string? SplitType,
        long Transactions,
        long Acks,
        long Naks,
        double NakShare,
        long Stalls,
        long Nyets,
        long Errs,
        long NoHandshake,
        long NoResponse,
        long Broken,
        long Setups,
        long Pings,
        long StartSplits,
        long CompleteSplits,
        long DataPackets,
        long BadDataPackets,
        long Bytes,
        int MaxPayload,
        double FirstSeconds,
        double LastSeconds,
        double? ThroughputBytesPerSecond);

    /// <summary>The bus view of a capture of USB 2.0 packets (link type 288, 293, 294, 295); null for URB captures.</summary>
    public sealed record BusJson(
        string? Speed,
        string SpeedSource,
        long Packets,
        long WireBytes,
        IReadOnlyList<CountJson> PacketsByPid,
        IReadOnlyList<CountJson> Problems,
        long OrphanPackets,
        double SpanSeconds,
        SofJson Sof,
        bool TimingConfirmed,
        string TimingNote,
        FrameLoadJson Frames,
        double? OccupancyShare,
        IReadOnlyList<BusEndpointJson> Endpoints,
        BusSeriesJson Series);

    public sealed record BusBinJson(double StartSeconds, long Packets, long WireBytes, long Transactions, long Naks, long DeliveredBytes);

    public sealed record BusSeriesJson(double BinSeconds, IReadOnlyList<BusBinJson> Bins);

    public sealed record WhatIfJson(string Lever, int PendingReads, long TransferLength, double PredictedBytesPerSecond, string LimitedBy);

    /// <summary>What limited the charted endpoint; <c>limitedBy</c> is bus, pipeline, device, application or undetermined.</summary>
    public sealed record VerdictJson(
        string Device,
        string Endpoint,
        string DescriptorSource,
        string? Missing,
        string? LimitedBy,
        string? Summary,
        IReadOnlyList<string> Evidence,
        double? MeasuredBytesPerSecond,
        double? CeilingBytesPerSecond,
        double? HostRateBytesPerSecond,
        int? PendingReads,
        long? TransferLength,
        string? Turnaround,
        double? ServiceRateBytesPerSecond,
        double? ModelBytesPerSecond,
        string? ModelLimitedBy,
        double? SimulatedBytesPerSecond,
        double? ModelDeviation,
        IReadOnlyList<WhatIfJson> WhatIfs,
        IReadOnlyList<string> Notes);

    public static ReportJson Report(CaptureView view) => Report(view.Report, Verdict(view), view.Verdicts);

    private static BusJson? Bus(BusReport? b) => b is null ? null : new BusJson(
        b.Speed is { } speed ? DriverNotebooks.Usb.UsbNames.ToCliName(speed) : null, b.SpeedSource, b.Packets, b.WireBytes,
        b.PacketsByPid.Select(c => new CountJson(c.Name, c.Count)).ToArray(),
        b.Problems.Select(c => new CountJson(c.Name, c.Count)).ToArray(),
        b.OrphanPackets, b.SpanSeconds,
        new SofJson(b.Sof.Count, b.Sof.FirstFrameNumber, b.Sof.LastFrameNumber, b.Sof.RepeatedFrameNumbers, b.Sof.Gaps, b.Sof.NominalIntervalSeconds,
            Distribution(b.Sof.Interval), b.Sof.StdDevSeconds),
        b.TimingConfirmed, b.TimingNote,
        new FrameLoadJson(b.Frames.Frames, b.Frames.BusyFrames, b.Frames.MaxPackets, b.Frames.MeanPacketsPerBusyFrame, b.Frames.MaxBytes, b.Frames.PeakShare),
        b.OccupancyShare,
        b.Endpoints.Select(e => new BusEndpointJson(e.DeviceName, e.EndpointName, e.Direction == DriverNotebooks.Usb.TransferDirection.In ? "in" : "out",
            e.Type is { } type ? DriverNotebooks.Usb.UsbNames.ToCliName(type) : null,
            e.SplitType is { } t ? DriverNotebooks.Usb.UsbNames.ToCliName(t) : null,
            e.Transactions, e.Acks, e.Naks, e.NakShare, e.Stalls, e.Nyets, e.Errs, e.NoHandshake, e.NoResponse, e.Broken, e.Setups, e.Pings,
            e.StartSplits, e.CompleteSplits, e.DataPackets, e.BadDataPackets, e.Bytes, e.MaxPayload, e.FirstSeconds, e.LastSeconds, e.ThroughputBytesPerSecond)).ToArray(),
        new BusSeriesJson(b.Series.Count > 0 ? b.Series[0].WidthSeconds : 0,
            b.Series.Select(x => new BusBinJson(x.StartSeconds, x.Packets, x.WireBytes, x.Transactions, x.Naks, x.DeliveredBytes)).ToArray()));

    private static VerdictJson? Verdict(CaptureView view)
    {
        if (view.Charted is not { } m || view.Endpoint is not { } source) return null;
        var v = view.Verdict;
        return new VerdictJson(m.DeviceName, m.EndpointName, source.Source, source.Missing,
            v?.LimitedBy.ToString().ToLowerInvariant(), v?.Summary, v?.Evidence ?? [], v?.MeasuredBytesPerSecond, v?.CeilingBytesPerSecond,
            v?.HostRateBytesPerSecond, v?.PendingReads, v?.TransferLength, v?.Turnaround?.Describe(), v?.ServiceRateBytesPerSecond,
            v?.ModelBytesPerSecond, v?.ModelLimitedBy is { } l ? DriverNotebooks.Usb.UsbNames.ToCliName(l) : null, v?.SimulatedBytesPerSecond, v?.ModelDeviation,
            v?.WhatIfs.Select(w => new WhatIfJson(w.Lever, w.PendingReads, w.TransferLength, w.PredictedBytesPerSecond, DriverNotebooks.Usb.UsbNames.ToCliName(w.LimitedBy))).ToArray() ?? [],
            v?.Notes ?? []);
    }

    private static ReportJson Report(CaptureReport r, VerdictJson? verdict, IReadOnlyList<EndpointVerdict> verdicts) => new(
        r.Source, r.Format, r.LinkTypes, r.Records, r.CaptureSeconds, r.StartUnixSeconds,
        new FilterJson(
            r.Filter.Bus is { } bus ? $"{bus}:{r.Filter.Device}" : null,
            r.Filter.EndpointAddress is { } ep ? $"0x{ep:x2}" : null,
            r.Filter.FromSeconds, r.Filter.ToSeconds),
        r.Endpoints.Select((e, i) => Endpoint(e, i < verdicts.Count && ReferenceEquals(verdicts[i].Endpoint, e) ? verdicts[i] : EndpointVerdict.From(e, null, null))).ToArray(),
        r.Descriptors.Select(d => new DescriptorJson($"{d.Bus}:{d.Device}", d.DescriptorType, d.DescriptorIndex, d.LanguageId, d.RequestedLength, d.TimeSeconds, Convert.ToHexString(d.Bytes).ToLowerInvariant())).ToArray(),
        r.DroppedDescriptorResponses,
        r.Warnings,
        verdict,
        Bus(r.Bus));

    private static EndpointJson Endpoint(EndpointMeasurement e, EndpointVerdict v) => new(
        e.DeviceName, e.EndpointName, e.Direction == DriverNotebooks.Usb.TransferDirection.In ? "in" : "out", e.TransferType?.ToString().ToLowerInvariant(),
        e.Transfers, e.Bytes, e.ShortTransfers, e.SubmitErrors, e.UnmatchedCompletions, e.StillInFlight,
        e.FirstSubmitSeconds, e.LastCompletionSeconds, e.ThroughputBytesPerSecond, e.SteadyThroughputBytesPerSecond, e.BusyThroughputBytesPerSecond, e.BusyFraction,
        new InFlightJson(e.InFlight.Max, e.InFlight.Median, e.InFlight.Mean),
        Distribution(e.Latency), Distribution(e.Turnaround), Distribution(e.CompletionInterval),
        new IdleGapsJson(e.IdleGaps.Count, e.IdleGaps.TotalSeconds, e.IdleGaps.LongestSeconds),
        e.Errors.Select(c => new CountJson(c.Name, c.Count)).ToArray(),
        e.RequestedLengths.Select(l => new LengthJson(l.Bytes, l.Count)).ToArray(),
        new SeriesJson(e.Series.Count > 0 ? e.Series[0].WidthSeconds : 0,
            e.Series.Select(b => new BinJson(b.StartSeconds, b.Bytes, b.Completions, b.MeanInFlight, b.MaxInFlight)).ToArray()),
        new EndpointVerdictJson(v.LimitedBy?.ToString().ToLowerInvariant(), v.Evidence, v.Source is { Source.Length: > 0 } s ? s.Source : null,
            v.Verdict?.CeilingBytesPerSecond, v.Verdict?.ModelBytesPerSecond));

    private static DistributionJson Distribution(DurationSummary d) => new(d.Count, d.MinSeconds, d.P50Seconds, d.P90Seconds, d.P99Seconds, d.MaxSeconds, d.MeanSeconds);
}

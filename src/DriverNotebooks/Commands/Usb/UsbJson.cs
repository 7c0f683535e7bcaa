using DriverNotebooks.Usb;

namespace DriverNotebooks.Commands.Usb;

/// <summary>
/// The <c>--json</c> contract of the USB commands: explicit records, so the engine's types can change
/// without changing what scripts parse. Rates are bytes per second, times are seconds or nanoseconds as named.
/// </summary>
public static class UsbJson
{
    public sealed record EndpointJson(string Speed, string Type, string Direction, int MaxPacket, int Mult, int Burst, int Interval, int? BytesPerInterval);

    public sealed record PipelineJson(int PendingReads, long TransferLength, double TurnaroundSeconds, string Queue, bool WhatIfPending);

    /// <summary>What a real host gives a bulk endpoint beside the spec ceiling (see <see cref="HostRateExpectation"/>).</summary>
    public sealed record HostRateJson(
        double SpecCeilingBytesPerSecond,
        double PublishedLowBytesPerSecond,
        double PublishedHighBytesPerSecond,
        string Sources,
        double CeilingBytesPerSecond,
        double? PipelineLimitBytesPerSecond,
        double ExpectedBytesPerSecond,
        string? LimitedBy);

    public sealed record ReportJson(
        EndpointJson Endpoint,
        PipelineJson? Pipeline,
        string Policy,
        string Stuffing,
        double BusLimitBytesPerSecond,
        double ServicePeriodSeconds,
        long BytesPerInterval,
        int TransactionsPerInterval,
        long TransactionBusTimeNanoseconds,
        double SpecTransactionBusTimeNanoseconds,
        string IntervalRule,
        string BusLimitDerivation,
        double? BulkRateBytesPerSecond,
        string BulkCeiling,
        HostRateJson? HostRate,
        double? PipelineLimitBytesPerSecond,
        int? EffectivePendingReads,
        double? TurnaroundBudgetSeconds,
        long? PendingReadsForCeiling,
        long? TransferLengthForCeiling,
        double ThroughputBytesPerSecond,
        string? LimitedBy,
        string Verdict,
        IReadOnlyList<string> Remedies,
        IReadOnlyList<string> Warnings,
        double? MeasuredBytesPerSecond);

    public sealed record LatencyJson(long Count, double P50Seconds, double P90Seconds, double P99Seconds, double MaxSeconds, double MeanSeconds);

    public sealed record SimulationJson(
        EndpointJson Endpoint,
        int PendingReads,
        int EffectivePendingReads,
        long TransferLength,
        string Turnaround,
        ulong Seed,
        double SimulatedSeconds,
        long SimulatedIntervals,
        double ServicePeriodSeconds,
        double ThroughputBytesPerSecond,
        double AnalyticBytesPerSecond,
        string AnalyticLimitedBy,
        double BusLimitBytesPerSecond,
        string Ceiling,
        long DeliveredBytes,
        long CompletedRequests,
        long BusyIntervals,
        long IdleIntervals,
        long LostOpportunities,
        long StarvedIntervals,
        double? DeviceRateBytesPerSecond,
        long? FifoDepthBytes,
        long ProducedBytes,
        long DroppedBytes,
        LatencyJson Latency,
        IReadOnlyList<string> Warnings,
        double? MeasuredBytesPerSecond,
        string? Pcapng);

    public sealed record SweepRowJson(
        int PendingReads,
        int EffectivePendingReads,
        long TransferLength,
        string Turnaround,
        double TurnaroundMedianSeconds,
        double AnalyticBytesPerSecond,
        string AnalyticLimitedBy,
        double? SimulatedMeanBytesPerSecond,
        double? SimulatedMinBytesPerSecond,
        double? SimulatedMaxBytesPerSecond,
        double? MeanP99LatencySeconds,
        int Seeds);

    public sealed record SweepJson(EndpointJson Endpoint, double BusLimitBytesPerSecond, double SimulatedSecondsPerRun, long SimulatedIntervals, IReadOnlyList<SweepRowJson> Rows, IReadOnlyList<string> Warnings, double? MeasuredBytesPerSecond);

    public static ReportJson Report(ThroughputReport r, double? measured) => new(
        Endpoint(r.Endpoint),
        r.Pipeline is { } p ? new PipelineJson(p.PendingReads, p.TransferLength, p.Turnaround.Seconds, Queue(p.Queue), p.AllowPendingReadsBeyondFrameworkMax) : null,
        UsbNames.ToCliName(r.Policy),
        UsbNames.ToCliName(r.Stuffing),
        r.BusLimitBytesPerSecond,
        r.ServicePeriodSeconds,
        r.BytesPerInterval,
        r.TransactionsPerInterval,
        r.TransactionBusTimeNanoseconds,
        r.SpecTransactionBusTimeNanoseconds,
        r.IntervalRule,
        r.BusLimitDerivation,
        r.BulkRateBytesPerSecond,
        r.Options.BulkCeiling == BulkCeiling.MeasuredHosts ? "measured" : "spec",
        r.HostRate is { } h
            ? new HostRateJson(h.SpecCeilingBytesPerSecond, h.Published.LowBytesPerSecond, h.Published.HighBytesPerSecond, h.Published.Keys,
                h.CeilingBytesPerSecond, h.PipelineLimitBytesPerSecond, h.ExpectedBytesPerSecond, h.LimitedBy is { } hl ? UsbNames.ToCliName(hl) : null)
            : null,
        r.PipelineLimitBytesPerSecond,
        r.EffectivePendingReads,
        r.TurnaroundBudgetSeconds,
        r.PendingReadsForCeiling,
        r.TransferLengthForCeiling,
        r.ThroughputBytesPerSecond,
        r.LimitedBy is { } limit ? UsbNames.ToCliName(limit) : null,
        r.Verdict.Text,
        r.Verdict.Remedies.Select(x => x.ToString()).ToList(),
        r.Warnings,
        measured);

    public static SimulationJson Simulation(SimulationResult s, double? measured, string? pcapng = null) => new(
        Endpoint(s.Settings.Endpoint),
        s.Settings.PendingReads,
        s.EffectivePendingReads,
        s.Settings.TransferLength,
        s.Settings.Turnaround.ToString()!,
        s.Settings.Seed,
        s.SimulatedSeconds,
        s.SimulatedIntervals,
        s.ServicePeriodSeconds,
        s.ThroughputBytesPerSecond,
        s.AnalyticBytesPerSecond,
        UsbNames.ToCliName(s.AnalyticLimitedBy),
        s.BusLimitBytesPerSecond,
        s.Ceiling switch { SimulationCeiling.HostRate => "host-rate", SimulationCeiling.BusBudget => "bus-budget", _ => "descriptor" },
        s.DeliveredBytes,
        s.CompletedRequests,
        s.BusyIntervals,
        s.IdleIntervals,
        s.LostOpportunities,
        s.StarvedIntervals,
        s.Settings.Device?.RateBytesPerSecond,
        s.Settings.Device?.FifoDepthBytes,
        s.ProducedBytes,
        s.DroppedBytes,
        new LatencyJson(s.Latency.Count, s.Latency.P50Seconds, s.Latency.P90Seconds, s.Latency.P99Seconds, s.Latency.MaxSeconds, s.Latency.MeanSeconds),
        s.Warnings,
        measured,
        pcapng);

    public static SweepJson Sweep(SweepResult sweep, double? measured) => new(
        Endpoint(sweep.Settings.Endpoint),
        sweep.Rows.Count > 0 ? sweep.Rows[0].BusLimitBytesPerSecond : 0,
        sweep.Settings.SimulatedTime.Seconds,
        sweep.SimulatedIntervals,
        sweep.Rows.Select(r => new SweepRowJson(r.PendingReads, r.EffectivePendingReads, r.TransferLength, r.Turnaround, r.TurnaroundMedianSeconds,
            r.AnalyticBytesPerSecond, UsbNames.ToCliName(r.AnalyticLimitedBy), r.SimulatedMeanBytesPerSecond, r.SimulatedMinBytesPerSecond,
            r.SimulatedMaxBytesPerSecond, r.MeanP99LatencySeconds, r.Seeds)).ToList(),
        sweep.Warnings,
        measured);

    /// <summary>One endpoint of a dump: where it sits, its raw fields, and the model's ceiling (null with a problem when the policy rejects it).</summary>
    public sealed record DumpEndpointJson(
        int Configuration,
        int Interface,
        int AlternateSetting,
        string Address,
        string Type,
        string Direction,
        int WMaxPacketSize,
        int MaxPacket,
        int Mult,
        int Burst,
        int Interval,
        int? BytesPerInterval,
        int? Streams,
        double? ServicePeriodSeconds,
        double? BusLimitBytesPerSecond,
        string? Problem);

    public sealed record AlternateSettingJson(int Configuration, int Interface, int AlternateSetting, int PeriodicEndpoints, double ReservedBytesPerSecond, int Rejected);

    public sealed record DumpDeviceJson(
        string Id,
        int? Bus,
        int? Address,
        string Name,
        string UsbVersion,
        string Speed,
        bool SpeedStated,
        string SpeedSource,
        IReadOnlyList<DumpEndpointJson> Endpoints,
        IReadOnlyList<AlternateSettingJson> AlternateSettings);

    public sealed record DescriptorsJson(string Source, string Format, string Policy, IReadOnlyList<DumpDeviceJson> Devices);

    public static DescriptorsJson Descriptors(DescriptorReport report) => new(
        report.Dump.Source,
        DescriptorDumpReader.Describe(report.Dump.Format),
        UsbNames.ToCliName(report.Options.Policy),
        report.Dump.Devices.Select(d => new DumpDeviceJson(
            d.Id, d.Bus, d.Address, d.Name, d.UsbVersion, SpeedName(d.Speed.Speed), d.Speed.Stated, d.Speed.How,
            report.Endpoints.Where(c => c.Device == d).Select(DumpEndpoint).ToList(),
            report.AlternateSettings.Where(a => a.Device == d)
                .Select(a => new AlternateSettingJson(a.Configuration, a.Interface, a.AlternateSetting, a.PeriodicEndpoints, a.BytesPerSecond, a.Rejected)).ToList())).ToList());

    private static DumpEndpointJson DumpEndpoint(EndpointCeiling c)
    {
        var e = c.Endpoint;
        var superSpeed = UsbBus.IsSuperSpeed(c.Device.Speed.Speed);
        return new DumpEndpointJson(
            c.Configuration, c.Interface.Number, c.Interface.AlternateSetting, e.AddressText, UsbNames.ToCliName(e.Type), e.Direction.ToString().ToLowerInvariant(),
            e.WMaxPacketSize, e.MaxPacketSize,
            superSpeed ? (e.Type == TransferType.Isochronous && e.Companion is { } ic ? ic.IsochronousMultField + 1 : 1) : e.AdditionalTransactions + 1,
            superSpeed && e.Companion is { } bc ? bc.MaxBurst + 1 : 1,
            e.BInterval,
            superSpeed ? e.Companion?.BytesPerInterval : null,
            superSpeed && e.Type == TransferType.Bulk ? e.Companion?.BulkStreams : null,
            c.Limit?.ServicePeriod.Seconds,
            c.Limit?.BytesPerSecond,
            c.Problem);
    }

    private static string SpeedName(UsbSpeed speed) => speed == UsbSpeed.SuperPlus ? "super-plus" : UsbNames.ToCliName(speed);

    private static EndpointJson Endpoint(EndpointDescriptor e) => new(
        e.Speed == UsbSpeed.SuperPlus ? "super-plus" : UsbNames.ToCliName(e.Speed),
        UsbNames.ToCliName(e.Type),
        e.Direction.ToString().ToLowerInvariant(),
        e.MaxPacketSize, e.Mult, e.Burst, e.Interval, e.BytesPerInterval);

    private static string Queue(RequestQueue queue) => queue == RequestQueue.Generic ? "generic" : "kmdf";
}

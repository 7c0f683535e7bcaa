namespace DriverNotebooks.Usb;

/// <summary>
/// One change on the device side that would raise what the bus allows an endpoint: the single source of
/// "what would lift it" for the verdict's sentence and remedies and for the chart's bars.
/// </summary>
/// <param name="Remedy">The kind of change.</param>
/// <param name="Label">A short name for the change, e.g. <c>bInterval 1</c>; the chart's bar label.</param>
/// <param name="Suggestion">The change as the verdict words it, with the rate it gives where that is known.</param>
/// <param name="Endpoint">The changed descriptor, when the change is one; null for a change outside it (another host or device).</param>
/// <param name="Options">The rules the changed descriptor is judged by.</param>
/// <param name="BusLimitBytesPerSecond">What the bus allows the changed descriptor, by the same model; null when there is none.</param>
public sealed record BusAlternative(
    Remedy Remedy,
    string Label,
    string Suggestion,
    EndpointDescriptor? Endpoint,
    AnalysisOptions? Options,
    double? BusLimitBytesPerSecond);

/// <summary>The device-side changes that would raise an endpoint's bus limit, most effective first in each speed's order.</summary>
internal static class BusAlternatives
{
    /// <summary>HS bulk per spec Table 5-10 on an otherwise idle bus: 13 × 512 B per microframe.</summary>
    private const double HighSpeedBulkCeiling = 13 * 512 * 8000.0;

    public static IReadOnlyList<BusAlternative> For(ValidatedEndpoint e, BusLimit bus, double ceiling, bool hostRateGiven, AnalysisOptions options)
    {
        var list = new List<BusAlternative>();
        var d = e.Descriptor;

        // A descriptor change: its rate comes from the same bus model; a change the policy rejects is not suggested with a rate.
        void Change(Remedy remedy, string label, EndpointDescriptor changed, Func<string, string> suggestion, AnalysisOptions? changedOptions = null)
        {
            var judgedBy = changedOptions ?? options;
            var rate = BusLimitOf(changed, judgedBy);
            list.Add(new BusAlternative(remedy, label, suggestion(rate is { } r ? Quantities.FormatRate(r) : "?"), changed, judgedBy, rate));
        }
        void Outside(Remedy remedy, string text) => list.Add(new BusAlternative(remedy, text, text, null, null, null));

        var bulkOptions = options with { BulkRateBytesPerSecond = null };
        if (hostRateGiven && ceiling < bus.BytesPerSecond)
        {
            list.Add(new BusAlternative(Remedy.FasterBus, "a faster host",
                $"a host that sustains more (the bus allows {Quantities.FormatRate(bus.BytesPerSecond)})", d, bulkOptions, bus.BytesPerSecond));
        }

        switch (e.Speed, e.IsPeriodic)
        {
            case (UsbSpeed.High, true):
                if (e.Interval.NativeIntervals > 1)
                    Change(Remedy.ShorterInterval, "bInterval 1", d with { Interval = 1 }, r => $"bInterval 1 ({r})");
                if (e.MaxPacketSize < 1024)
                    Change(Remedy.LargerMaxPacket, "max packet 1024", d with { MaxPacketSize = 1024 }, r => $"max packet 1024 ({r})");
                if (e.PacketsPerInterval < EndpointRules.MaxMult)
                    Change(Remedy.HighBandwidthMult, "mult 3", d with { MaxPacketSize = 1024, Mult = EndpointRules.MaxMult }, r => $"high-bandwidth mult 3 ({r})");
                if (e.Type == TransferType.Interrupt)
                    Change(Remedy.BulkEndpoint, "bulk, 512 B packets", Bulk(d, UsbSpeed.High, 512),
                        r => $"a bulk endpoint ({Quantities.FormatRate(HighSpeedBulkCeiling)} on an otherwise idle bus)", bulkOptions);
                break;
            case (UsbSpeed.Full or UsbSpeed.Low, true):
                if (e.Interval.NativeIntervals > 1)
                    Change(Remedy.ShorterInterval, "bInterval 1", d with { Interval = 1 }, r => $"a shorter bInterval (every frame: {r})");
                var max = EndpointRules.SpecMaxPacket(e.Speed, e.Type).Max;
                if (e.MaxPacketSize < max)
                    Change(Remedy.LargerMaxPacket, $"max packet {max}", d with { MaxPacketSize = max }, _ => $"max packet {max}");
                Outside(Remedy.FasterBus, "a high-speed device");
                break;
            case (UsbSpeed.Super or UsbSpeed.SuperPlus, true):
                if (e.Interval.NativeIntervals > 1)
                    Change(Remedy.ShorterInterval, "bInterval 1", d with { Interval = 1 }, r => $"bInterval 1 ({r})");
                var burstCap = e.Type == TransferType.Interrupt ? EndpointRules.SuperSpeedInterruptSpecMaxBurst : EndpointRules.SuperSpeedMaxBurst;
                if (d.Burst < burstCap)
                {
                    Change(Remedy.LargerBurst, $"burst of {burstCap}", d with { MaxPacketSize = 1024, Burst = burstCap, BytesPerInterval = null },
                        r => $"a burst of {burstCap} ({r})");
                }
                else if (e.Type == TransferType.Interrupt && d.Burst < EndpointRules.SuperSpeedMaxBurst)
                {
                    Change(Remedy.LargerBurst, "burst of 16", d with { MaxPacketSize = 1024, Burst = EndpointRules.SuperSpeedMaxBurst, BytesPerInterval = null },
                        r => $"a burst of 16, which hosts accept beyond the spec ({r})", options with { AllowSuperSpeedInterruptBurstBeyondSpec = true });
                }
                if (e.Type == TransferType.Isochronous && d.Mult < EndpointRules.MaxMult)
                    Change(Remedy.LargerBurst, "isochronous Mult 3", d with { Mult = EndpointRules.MaxMult, BytesPerInterval = null }, r => $"isochronous Mult 3 ({r})");
                if (e.Type == TransferType.Interrupt)
                    Change(Remedy.BulkEndpoint, "bulk, 1024 B packets", Bulk(d, e.Speed, 1024) with { Burst = EndpointRules.SuperSpeedMaxBurst }, _ => "a bulk endpoint", bulkOptions);
                break;
            case (UsbSpeed.Full, false):
                if (e.Type == TransferType.Control) Change(Remedy.BulkEndpoint, "bulk, 64 B packets", Bulk(d, UsbSpeed.Full, 64), _ => "a bulk endpoint", bulkOptions);
                Change(Remedy.FasterBus, "high-speed bulk", Bulk(d, UsbSpeed.High, 512), r => $"a high-speed device ({r} bulk)", bulkOptions);
                break;
            case (UsbSpeed.Low, false):
                Outside(Remedy.FasterBus, "a full- or high-speed device");
                break;
            case (UsbSpeed.High, false):
                if (e.Type == TransferType.Control) Change(Remedy.BulkEndpoint, "bulk, 512 B packets", Bulk(d, UsbSpeed.High, 512), _ => "a bulk endpoint", bulkOptions);
                Outside(Remedy.FasterBus, "a SuperSpeed device");
                break;
            default:
                if (e.Type == TransferType.Control)
                    Change(Remedy.BulkEndpoint, "bulk, 1024 B packets", Bulk(d, e.Speed, 1024) with { Burst = EndpointRules.SuperSpeedMaxBurst }, _ => "a bulk endpoint", bulkOptions);
                if (e.Speed == UsbSpeed.Super) Outside(Remedy.FasterBus, "SuperSpeedPlus");
                break;
        }
        return list;
    }

    private static EndpointDescriptor Bulk(EndpointDescriptor d, UsbSpeed speed, int maxPacket) =>
        new(speed, TransferType.Bulk, maxPacket) { Direction = d.Direction };

    /// <summary>What the bus allows a descriptor, or null when the policy rejects it.</summary>
    private static double? BusLimitOf(EndpointDescriptor endpoint, AnalysisOptions options)
    {
        try
        {
            return BusLimit.Compute(EndpointValidator.Validate(endpoint, null, options).Endpoint, options).BytesPerSecond;
        }
        catch (UsbInputException)
        {
            return null;
        }
    }
}

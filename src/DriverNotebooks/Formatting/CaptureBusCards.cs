using System.Globalization;
using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Formatting;

/// <summary>
/// The bus view of a capture of USB 2.0 packets (link type 288) on its card: what the wire carried, per endpoint, and
/// why such a capture gives no pipeline verdict.
/// </summary>
public static class CaptureBusCards
{
    /// <summary>What a packet capture cannot show, and what it shows instead.</summary>
    public const string NoUrbs =
        "Link type 288 records packets on the bus, not the host's requests (URBs): there are no transfers as the driver asked for them, no requests in flight and no turnaround, so the pipeline verdict is not available. "
        + "It shows what a usbmon or USBPcap capture cannot: every NAK (the device had no data or no room when asked), the SOF timing and how full each (micro)frame was.";

    /// <summary>The one-line lead for a capture with only packets.</summary>
    public static string Lead(BusReport bus)
    {
        if (bus.Busiest is not { } e) return $"{bus.Packets:N0} USB 2.0 packets and no transaction{Speed(bus)}.";
        return $"{e.DeviceName} endpoint {e.EndpointName} ({Kind(e)}) had the most traffic: {e.Transactions:N0} transactions, {e.Bytes:N0} B delivered"
               + (e.ThroughputBytesPerSecond is { } rate ? $" ({Quantities.FormatRate(rate)} from its first to its last delivery)" : "")
               + $"; {Evidence(e)}.";
    }

    /// <summary>The NAK share as evidence, in words.</summary>
    public static string Evidence(EndpointTraffic e)
    {
        if (e.Naks == 0) return "no NAK: the device answered every token it was sent";
        var what = e.Direction == TransferDirection.In ? "had no data to send" : "had no room for the data";
        return $"{e.NakShare.ToString("P1", CultureInfo.InvariantCulture)} of its transactions were NAKed ({e.Naks:N0} of {e.Transactions:N0}): the device {what} when the host asked, "
               + "so the host was ready before the device (device-side evidence)";
    }

    public static void Add(ResultCard card, BusReport bus)
    {
        card.Number("Bus view", $"{bus.Packets:N0} packets, {bus.WireBytes:N0} B from PID to CRC over {Quantities.FormatSeconds(bus.SpanSeconds)}{Speed(bus)}")
            .Number("Speed", bus.SpeedSource)
            .Number("SOF timing", Sof(bus))
            .Number("Timestamps", bus.TimingNote)
            .Number("(Micro)frames", Frames(bus))
            .Number("Occupancy", bus.OccupancyShare is { } share
                ? $"{share.ToString("P2", CultureInfo.InvariantCulture)} of the bus's bit rate over the span (packet bytes only, without SYNC, EOP, bit stuffing and gaps: a lower bound)"
                : "not shown: it needs the bus speed and timestamps confirmed by the SOFs")
            .Number("Packets by PID", string.Join(", ", bus.PacketsByPid.Select(p => $"{p.Name} {p.Count:N0}")))
            .Number("Malformed / bad CRC", bus.Problems.Count == 0 ? "none" : string.Join(", ", bus.Problems.Select(p => $"{p.Name} × {p.Count:N0}")))
            .Number("Outside any transaction", $"{bus.OrphanPackets:N0} packets");
        var table = new ResultTable("Bus view: transactions per endpoint", "device", "endpoint", "type", "split", "transactions", "ACK", "NAK", "NAK share", "STALL", "NYET", "no handshake", "no response", "bytes", "max payload", "throughput");
        foreach (var e in bus.Endpoints)
        {
            table.Row(e.DeviceName, e.EndpointName, Kind(e), e.SplitType is { } t ? UsbNames.ToCliName(t) : "", N(e.Transactions), N(e.Acks), N(e.Naks),
                e.NakShare.ToString("P1", CultureInfo.InvariantCulture), N(e.Stalls), N(e.Nyets), N(e.NoHandshake), N(e.NoResponse), N(e.Bytes), N(e.MaxPayload),
                e.ThroughputBytesPerSecond is { } rate ? Quantities.FormatRate(rate) : "—");
        }
        card.Table(table, collapsed: bus.Endpoints.Count > 12);
        card.Note(NoUrbs);
    }

    /// <summary><c>bulk IN</c>; <c>IN</c> alone when no descriptor or SPLIT names the type.</summary>
    private static string Kind(EndpointTraffic e) =>
        $"{(e.Type is { } t ? UsbNames.ToCliName(t) + " " : "")}{(e.Direction == TransferDirection.In ? "IN" : "OUT")}";

    private static string Speed(BusReport bus) => bus.Speed is { } speed ? $" on a {UsbNames.Describe(speed)} bus" : "";

    private static string Sof(BusReport bus)
    {
        var s = bus.Sof;
        if (s.Count == 0) return "no SOF packets";
        var text = $"{s.Count:N0} SOFs, frame numbers {s.FirstFrameNumber} to {s.LastFrameNumber}";
        if (s.Interval.Count > 0)
        {
            text += $"; interval mean {Quantities.FormatSeconds(s.Interval.MeanSeconds)}, min {Quantities.FormatSeconds(s.Interval.MinSeconds)}, max {Quantities.FormatSeconds(s.Interval.MaxSeconds)}, "
                    + $"standard deviation (jitter as the analyser's clock saw it) {Quantities.FormatSeconds(s.StdDevSeconds)}";
        }
        if (s.Gaps > 0) text += $"; {s.Gaps:N0} gaps where SOFs are missing";
        return text;
    }

    private static string Frames(BusReport bus)
    {
        var f = bus.Frames;
        if (f.Frames == 0) return "none delimited (fewer than two SOFs)";
        return $"{f.Frames:N0}, {f.BusyFrames:N0} with traffic besides their SOF ({f.MeanPacketsPerBusyFrame.ToString("0.0", CultureInfo.InvariantCulture)} packets in each on average); the busiest held {f.MaxPackets:N0} packets and {f.MaxBytes:N0} B"
               + (f.PeakShare is { } peak ? $" ({peak.ToString("P1", CultureInfo.InvariantCulture)} of what one holds, a lower bound)" : "");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

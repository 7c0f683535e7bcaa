namespace DriverNotebooks.Usb.Captures;

/// <summary>How many packets carried a PID (<c>IN</c>, <c>DATA1</c>…) or had a problem (<c>bad-crc16</c>…).</summary>
public sealed record PacketCount(string Name, long Count);

/// <summary>
/// The start-of-frame packets: how many, the frame numbers, and the interval between consecutive ones measured from
/// the analyser's timestamps (only pairs whose frame number stays or advances by one: a SOF lost or filtered out in
/// between would double an interval).
/// </summary>
/// <param name="Count">SOF packets with a good CRC5 (on the link of the first one, when a pcapng holds several analyser interfaces).</param>
/// <param name="FirstFrameNumber">The first one's frame number; -1 when none.</param>
/// <param name="LastFrameNumber">The last one's.</param>
/// <param name="RepeatedFrameNumbers">Consecutive SOFs with the same frame number: the 8 microframes of a high-speed frame.</param>
/// <param name="Gaps">Consecutive SOFs whose frame numbers are further apart: SOFs missing from the capture.</param>
/// <param name="NominalIntervalSeconds">What the bus sends at: 125 µs (high speed) or 1 ms (full speed); null when the speed is unknown.</param>
/// <param name="Interval">The measured intervals (exact min, max, mean; percentiles within ±0.4 %).</param>
/// <param name="StdDevSeconds">Their standard deviation: the SOF jitter as the analyser's clock saw it.</param>
public sealed record SofTiming(long Count, int FirstFrameNumber, int LastFrameNumber, long RepeatedFrameNumbers, long Gaps,
    double? NominalIntervalSeconds, DurationSummary Interval, double StdDevSeconds);

/// <summary>Packets per (micro)frame: from one SOF to the next, SOF included.</summary>
/// <param name="Frames">(Micro)frames that ended with a next SOF.</param>
/// <param name="BusyFrames">Those with any packet besides their SOF.</param>
/// <param name="MaxPackets">Most packets in one, SOF included.</param>
/// <param name="MeanPacketsPerBusyFrame">Packets per busy (micro)frame, SOF included.</param>
/// <param name="MaxBytes">Most packet bytes (PID to CRC) in one.</param>
/// <param name="PeakShare">MaxBytes × 8 over the bits one (micro)frame holds at the bus's speed (7,500 bytes at high speed, 1,500 at full): a lower bound of the busiest one's occupancy (SYNC, EOP, bit stuffing and gaps between packets are not counted); null when the speed is unknown.</param>
public sealed record FrameLoad(long Frames, long BusyFrames, long MaxPackets, double MeanPacketsPerBusyFrame, long MaxBytes, double? PeakShare);

/// <summary>One bin of the bus over time, seconds from the capture's first record.</summary>
/// <param name="StartSeconds">Start of the bin.</param>
/// <param name="WidthSeconds">Bin width (the same for every bin of a series).</param>
/// <param name="Packets">Packets in the bin.</param>
/// <param name="WireBytes">Their bytes from PID to CRC.</param>
/// <param name="Transactions">Transactions on the endpoints kept, started in the bin.</param>
/// <param name="Naks">Of those, NAKed.</param>
/// <param name="DeliveredBytes">Payload they delivered.</param>
public sealed record BusTimeBin(double StartSeconds, double WidthSeconds, long Packets, long WireBytes, long Transactions, long Naks, long DeliveredBytes);

/// <summary>
/// What one endpoint of one device did on the bus, transaction by transaction. The endpoint address is the token's:
/// bit 7 set for IN tokens; SETUP, OUT and PING count on the OUT address (so a control endpoint shows as 0x00 and 0x80).
/// </summary>
/// <param name="Bus">The interface (0 for pcap).</param>
/// <param name="Device">Device address.</param>
/// <param name="EndpointAddress">bEndpointAddress.</param>
/// <param name="SplitType">The endpoint type its SPLIT tokens name, when it is reached through a hub's transaction translator.</param>
/// <param name="Transactions">Transactions (token plus what answered it).</param>
/// <param name="Acks">Ended with ACK.</param>
/// <param name="Naks">Ended with NAK: the device had no data (IN) or no room (OUT, PING), or a transaction translator was busy.</param>
/// <param name="Stalls">Ended with STALL.</param>
/// <param name="Nyets">Ended with NYET.</param>
/// <param name="Errs">Ended with ERR (splits).</param>
/// <param name="NoHandshake">Data with no handshake (isochronous, complete-split IN, or a lost handshake).</param>
/// <param name="NoResponse">Tokens nothing answered.</param>
/// <param name="Broken">Cut short by a malformed packet.</param>
/// <param name="Setups">SETUP tokens: control transfers begun.</param>
/// <param name="Pings">PING tokens.</param>
/// <param name="StartSplits">Transactions behind a start split (SSPLIT).</param>
/// <param name="CompleteSplits">Transactions behind a complete split (CSPLIT).</param>
/// <param name="DataPackets">Data packets with a good CRC16.</param>
/// <param name="BadDataPackets">Data packets whose CRC16 failed (not counted as bytes).</param>
/// <param name="Bytes">Payload delivered: data the receiver acknowledged (ACK, or NYET after high-speed OUT data), data needing no handshake (isochronous, complete-split IN), and split OUT or SETUP data once its complete split is acknowledged.</param>
/// <param name="MaxPayload">The largest payload seen: a lower bound of wMaxPacketSize.</param>
/// <param name="FirstSeconds">First transaction, seconds from the capture's first record.</param>
/// <param name="LastSeconds">Last transaction's end.</param>
/// <param name="ThroughputBytesPerSecond">Bytes over first to last delivering transaction; null when fewer than two delivered or the timestamps were not confirmed against the SOFs.</param>
public sealed record EndpointTraffic(
    int Bus, int Device, byte EndpointAddress, TransferType? SplitType,
    long Transactions, long Acks, long Naks, long Stalls, long Nyets, long Errs, long NoHandshake, long NoResponse, long Broken,
    long Setups, long Pings, long StartSplits, long CompleteSplits,
    long DataPackets, long BadDataPackets, long Bytes, int MaxPayload,
    double FirstSeconds, double LastSeconds, double? ThroughputBytesPerSecond)
{
    /// <summary>
    /// The endpoint's transfer type: control for endpoint 0, else from the capture's own GET_DESCRIPTOR responses when it
    /// holds the device's configuration, else the type its SPLIT tokens name; null when none says.
    /// </summary>
    public TransferType? Type { get; init; }

    /// <summary>NAKs over all transactions.</summary>
    public double NakShare => Transactions == 0 ? 0 : (double)Naks / Transactions;

    /// <summary>Device to host.</summary>
    public TransferDirection Direction => (EndpointAddress & 0x80) != 0 ? TransferDirection.In : TransferDirection.Out;

    /// <summary><c>0:5</c>.</summary>
    public string DeviceName => $"{Bus}:{Device}";

    /// <summary><c>0x81</c>.</summary>
    public string EndpointName => $"0x{EndpointAddress:x2}";
}

/// <summary>
/// The bus view of a capture of USB 2.0 packets (link type 288, 293, 294, 295): what the wire carried, packet by
/// packet. Such a capture has no URBs: no transfers as the host driver asked for them, no requests in flight and no
/// turnaround, so no pipeline verdict; it shows instead what a URB capture cannot, each NAK (the device had no data or
/// no room), the SOF timing and how full the (micro)frames were.
/// </summary>
/// <param name="Speed">The bus speed, when stated or inferred.</param>
/// <param name="SpeedSource">How it is known, in words.</param>
/// <param name="Packets">Packets read (after the time filter).</param>
/// <param name="WireBytes">Their bytes from PID to CRC.</param>
/// <param name="PacketsByPid">Decodable packets by PID, most frequent first.</param>
/// <param name="Problems">Packets with a problem by kind (malformed, bad CRC, cut), most frequent first.</param>
/// <param name="OrphanPackets">Data, handshakes and SPLITs outside any transaction.</param>
/// <param name="SpanSeconds">First to last packet.</param>
/// <param name="Sof">SOF count and timing.</param>
/// <param name="TimingConfirmed">True when the SOF intervals average within 2 % of the nominal (micro)frame: the timestamps follow the bus clock, so rates in time are shown.</param>
/// <param name="TimingNote">Why timing is or is not confirmed, in words.</param>
/// <param name="Frames">Packets per (micro)frame.</param>
/// <param name="OccupancyShare">WireBytes × 8 over the span times the bit rate: a lower bound of the bus's occupancy (no SYNC, EOP, stuffing or gaps); null unless the speed is known and the timing confirmed.</param>
/// <param name="Endpoints">Per device and endpoint (after the device and endpoint filters), by bus, device and endpoint address.</param>
/// <param name="Series">Packets and transactions over time (bins start 1 ms wide and double as the capture outgrows 512).</param>
public sealed record BusReport(
    UsbSpeed? Speed,
    string SpeedSource,
    long Packets,
    long WireBytes,
    IReadOnlyList<PacketCount> PacketsByPid,
    IReadOnlyList<PacketCount> Problems,
    long OrphanPackets,
    double SpanSeconds,
    SofTiming Sof,
    bool TimingConfirmed,
    string TimingNote,
    FrameLoad Frames,
    double? OccupancyShare,
    IReadOnlyList<EndpointTraffic> Endpoints,
    IReadOnlyList<BusTimeBin> Series)
{
    /// <summary>The endpoint that delivered the most bytes (then had the most transactions), if any.</summary>
    public EndpointTraffic? Busiest => Endpoints.OrderByDescending(e => e.Bytes).ThenByDescending(e => e.Transactions).FirstOrDefault();
}

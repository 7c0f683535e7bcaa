namespace DriverNotebooks.Usb;

/// <summary>Signalling and framing constants per speed (domain file §1.1, §1.5).</summary>
public static class UsbBus
{
    /// <summary>High-speed microframe and SuperSpeed bus interval: 125 µs.</summary>
    public static readonly Duration Microframe = Duration.FromMicroseconds(125);

    /// <summary>Low/full-speed frame: 1 ms.</summary>
    public static readonly Duration Frame = Duration.FromMilliseconds(1);

    /// <summary>Raw bytes per HS microframe at 480 Mb/s: 7500. <remarks>[S1c] Table 5-3 heading.</remarks></summary>
    public const int HighSpeedBytesPerMicroframe = 7500;

    /// <summary>Raw bytes per FS frame: 1500 (Linux <c>FRAME_TIME_BITS 12000L</c> / 8). <remarks>[S2]</remarks></summary>
    public const int FullSpeedBytesPerFrame = 1500;

    /// <summary>Raw bit times per LS frame at 1.5 Mb/s: 1500 (187.5 bytes).</summary>
    public const int LowSpeedBitTimesPerFrame = 1500;

    /// <summary>SuperSpeed Gen 1 line rate after 8b/10b: 500,000,000 B/s (62,500 B per bus interval, derived). <remarks>[S6], [S24c]</remarks></summary>
    public const double SuperSpeedLineRateBytesPerSecond = 500_000_000;

    /// <summary>SuperSpeedPlus Gen 2 <b>line rate</b> after 128b/132b: 10 Gb/s × 128/132 / 8 ≈ 1,212,121,212 B/s, the
    /// "1.21 GB/s" maximum effective rate of [S26b]. A line rate, not what hosts reach.</summary>
    /// <remarks>Observed practical figure: the only public numbers found are mass-storage benchmarks (a Gen 2 RAID-0 SSD
    /// enclosure "close to 900 MBps" [S26c]); no raw bulk benchmark (FX3-style source/sink) on Gen 2 was found, so the
    /// model keeps no <see cref="PublishedBulkRates"/> entry for it and says so in <see cref="GenTwoPracticalNote"/>.</remarks>
    public const double SuperSpeedPlusLineRateBytesPerSecond = 10e9 * 128.0 / 132.0 / 8.0;

    /// <summary>What is known of Gen 2 in practice, for derivations and notes (cited).</summary>
    public const string GenTwoPracticalNote =
        "a line rate; a Gen 2 storage device was measured close to 900 MB/s [S26c], no raw bulk benchmark was found";

    /// <summary>SuperSpeed header packet (a Data Packet Header among them): 20 symbols, i.e. 16 B of header (with its CRC-16
    /// and link control word) behind 4 framing symbols. <remarks>[S26a]</remarks></summary>
    public const int SuperSpeedHeaderPacketBytes = 20;

    /// <summary>SuperSpeed Data Packet Payload framing: 12 B around the n data bytes (4 start symbols, CRC-32, 4 end symbols).
    /// <remarks>[S26a] "12 + n bytes long".</remarks></summary>
    public const int SuperSpeedPayloadFramingBytes = 12;

    /// <summary>SuperSpeed link command: 8 B. <remarks>[S26a]</remarks></summary>
    public const int SuperSpeedLinkCommandBytes = 8;

    /// <summary>
    /// Default SS/SS+ framing per data packet: 32 B = <see cref="SuperSpeedHeaderPacketBytes"/> (DPH, 20) +
    /// <see cref="SuperSpeedPayloadFramingBytes"/> (DPP framing, 12). The two sizes are quoted [S26a]; their sum as the cost of
    /// one data packet is our derivation, hence a parameter (<see cref="AnalysisOptions.SuperSpeedPacketOverheadBytes"/>).
    /// </summary>
    /// <remarks>
    /// Not counted by default, both derived: (1) link commands in the data direction: the receiver of each ACK header packet
    /// answers with LGOOD and LCRD, 2 × 8 B, so with one ACK per data packet the data direction carries
    /// <see cref="SuperSpeedFramingWithLinkCommandsBytes"/> = 48 B per packet (Gen 1 bulk 477.6 MB/s instead of 484.8).
    /// (2) The Linux xHCI software bandwidth table charges 8 blocks of 16 B per packet plus 32 blocks per burst [S6]
    /// (<c>SS_OVERHEAD</c>, <c>SS_OVERHEAD_BURST</c>): 128 + 512/16 = 160 B per packet in bursts of 16 (432.4 MB/s), an admission
    /// budget rather than wire framing. Either is one <c>--packet-overhead</c> away; neither is the default.
    /// </remarks>
    public const int DefaultSuperSpeedPacketOverheadBytes = SuperSpeedHeaderPacketBytes + SuperSpeedPayloadFramingBytes;

    /// <summary>Per data packet with the link-command traffic of one ACK (LGOOD + LCRD) added: 48 B (derived, see remarks above).</summary>
    public const int SuperSpeedFramingWithLinkCommandsBytes = DefaultSuperSpeedPacketOverheadBytes + 2 * SuperSpeedLinkCommandBytes;

    /// <summary>High-speed periodic transfers may use at most 80 % of a microframe. <remarks>[S1b] USB 2.0 §5.6.4/§5.7.4.</remarks></summary>
    public const int HighSpeedPeriodicPercent = 80;

    /// <summary>Full/low-speed periodic transfers may use at most 90 % of a frame. <remarks>[S2] <c>FRAME_TIME_MAX_BITS_ALLOC (90L * FRAME_TIME_BITS / 100L)</c>.</remarks></summary>
    public const int FullSpeedPeriodicPercent = 90;

    /// <summary>SuperSpeed periodic share: 90 % (Linux xHCI <c>SS_BW_RESERVED 10</c> percent kept for other traffic). <remarks>[S6]</remarks></summary>
    public const int SuperSpeedPeriodicPercent = 90;

    /// <summary>The (micro)frame a speed counts in: 1 ms for low and full speed, 125 µs otherwise.</summary>
    public static Duration NativeInterval(UsbSpeed speed) => speed is UsbSpeed.Low or UsbSpeed.Full ? Frame : Microframe;

    /// <summary>True for SuperSpeed Gen 1 and SuperSpeedPlus.</summary>
    public static bool IsSuperSpeed(UsbSpeed speed) => speed is UsbSpeed.Super or UsbSpeed.SuperPlus;

    /// <summary>Line rate after encoding for SS/SS+.</summary>
    public static double SuperSpeedLineRate(UsbSpeed speed) => speed switch
    {
        UsbSpeed.Super => SuperSpeedLineRateBytesPerSecond,
        UsbSpeed.SuperPlus => SuperSpeedPlusLineRateBytesPerSecond,
        _ => throw new ArgumentOutOfRangeException(nameof(speed), speed, "not a SuperSpeed speed"),
    };

    /// <summary>Percentage of a (micro)frame that periodic endpoints may reserve at this speed.</summary>
    public static int PeriodicPercent(UsbSpeed speed) => speed switch
    {
        UsbSpeed.High => HighSpeedPeriodicPercent,
        UsbSpeed.Super or UsbSpeed.SuperPlus => SuperSpeedPeriodicPercent,
        _ => FullSpeedPeriodicPercent,
    };

    /// <summary>Rate of <paramref name="bytes"/> moved once per <paramref name="period"/>, in B/s.</summary>
    public static double BytesPerSecond(double bytes, Duration period) =>
        bytes * Duration.PicosecondsPerSecond / period.Picoseconds;
}

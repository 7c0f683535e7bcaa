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

    /// <summary>SuperSpeedPlus Gen 2 line rate after 128b/132b: 10 Gb/s × 128/132 / 8 ≈ 1,212,121,212 B/s (derived, not sourced).</summary>
    public const double SuperSpeedPlusLineRateBytesPerSecond = 10e9 * 128.0 / 132.0 / 8.0;

    /// <summary>Default SS/SS+ framing per data packet: 32 B (DPH 20 B + DPP framing and CRC 12 B).</summary>
    /// <remarks>Derived in domain file §1.6 and §6 from USB 3.x framing knowledge, not quoted from a table;
    /// hence a parameter (<see cref="AnalysisOptions.SuperSpeedPacketOverheadBytes"/>).</remarks>
    public const int DefaultSuperSpeedPacketOverheadBytes = 32;

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

namespace DriverNotebooks.Usb;

/// <summary>
/// Bus time of one transaction, in nanoseconds: the Linux integer formulas ported exactly (truncation order
/// included) and, separately named, the floating-point USB 2.0 §5.11.3 formulas and a SuperSpeed estimate.
/// </summary>
/// <remarks>
/// <para>Linux: [S2] <c>include/linux/usb/hcd.h</c> (<c>BitTime</c>, <c>HS_NSECS</c>, <c>HS_NSECS_ISO</c>) and
/// [S3] <c>drivers/usb/core/hcd.c</c> <c>usb_calc_bus_time()</c>. Linux always assumes worst-case bit stuffing
/// (<c>BitTime</c> = 7/6 × 8 bits per byte) and a host delay of 1000 ns (FS/LS) or 5 ns (HS, "guess").</para>
/// <para>Spec: [S1a] USB 1.1 §5.9.3 / USB 2.0 §5.11.3; the HS terms are reconstructed from the Linux macros.</para>
/// </remarks>
public static class BusTime
{
    /// <summary>One high-speed bit time, 2.083 ns: the <c>2083</c> in <c>HS_NSECS</c>. <remarks>[S2]</remarks></summary>
    public const long HighSpeedBitTimePicoseconds = 2083;

    /// <summary>Linux <c>BW_HOST_DELAY</c>: 1000 ns, used for FS/LS. <remarks>[S2]</remarks></summary>
    public const long HostDelayNanoseconds = 1000;

    /// <summary>Linux <c>BW_HUB_LS_SETUP</c>: 333 ns, "4 full-speed bit times (est.)". <remarks>[S2]</remarks></summary>
    public const long HubLowSpeedSetupNanoseconds = 333;

    /// <summary>Linux <c>USB2_HOST_DELAY</c>: 5 ns, marked "guess" in the source. <remarks>[S2]</remarks></summary>
    public const long HighSpeedHostDelayNanoseconds = 5;

    /// <summary>HS protocol overhead of a handshaked (interrupt/bulk) transaction: 55 bytes (Tables 5-8/5-10).</summary>
    public const int HighSpeedHandshakedOverheadBytes = 55;

    /// <summary>HS protocol overhead of an isochronous transaction: 38 bytes (Table 5-5).</summary>
    public const int HighSpeedIsochronousOverheadBytes = 38;

    // usb_calc_bus_time() constants, nanoseconds or hundredths of a nanosecond per tenth of a bit.
    private const long FullSpeedHandshakedNanoseconds = 9107;
    private const long FullSpeedIsochronousInNanoseconds = 7268;
    private const long FullSpeedIsochronousOutNanoseconds = 6265;
    private const long FullSpeedBitTimeCentinanoseconds = 8354;      // 83.54 ns per bit
    private const long LowSpeedInNanoseconds = 64060;
    private const long LowSpeedOutNanoseconds = 64107;
    private const long LowSpeedInBitTimeCentinanoseconds = 67667;    // 676.67 ns per bit
    private const long LowSpeedOutBitTimeCentinanoseconds = 66700;   // 667.00 ns per bit

    /// <summary>Linux <c>BitTime(bytecount)</c> = <c>7 * 8 * bytecount / 6</c> with integer truncation: worst-case stuffed bits.</summary>
    public static long LinuxBitTime(int byteCount) => 7 * 8 * (long)RequireBytes(byteCount) / 6;

    /// <summary>Linux <c>NS_TO_US(ns)</c> = <c>(ns + 500) / 1000</c>: rounds to the nearest microsecond.</summary>
    public static long NanosecondsToMicroseconds(long nanoseconds) => (nanoseconds + 500L) / 1000L;

    /// <summary>Linux <c>HS_NSECS(bytes)</c>: a handshaked high-speed transaction (interrupt; also right for bulk).</summary>
    public static long LinuxHighSpeedNanoseconds(int byteCount) =>
        ((HighSpeedHandshakedOverheadBytes * 8 * HighSpeedBitTimePicoseconds)
         + (HighSpeedBitTimePicoseconds * (3 + LinuxBitTime(byteCount)))) / 1000 + HighSpeedHostDelayNanoseconds;

    /// <summary>Linux <c>HS_NSECS_ISO(bytes)</c>: a high-speed isochronous transaction (no handshake).</summary>
    public static long LinuxHighSpeedIsochronousNanoseconds(int byteCount) =>
        ((HighSpeedIsochronousOverheadBytes * 8 * HighSpeedBitTimePicoseconds)
         + (HighSpeedBitTimePicoseconds * (3 + LinuxBitTime(byteCount)))) / 1000 + HighSpeedHostDelayNanoseconds;

    /// <summary>
    /// Linux <c>usb_calc_bus_time(speed, is_input, isoc, bytecount)</c>, to the nanosecond.
    /// Low speed is interrupt only (isoc ignored); high speed ignores the direction ("FIXME adjust for input vs output").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For SuperSpeed, which Linux does not compute this way (it returns -1).</exception>
    public static long LinuxNanoseconds(UsbSpeed speed, TransferDirection direction, bool isochronous, int byteCount)
    {
        var isInput = direction == TransferDirection.In;
        switch (speed)
        {
            case UsbSpeed.Low:
            {
                long tmp;
                if (isInput)
                {
                    tmp = (LowSpeedInBitTimeCentinanoseconds * (31L + 10L * LinuxBitTime(byteCount))) / 1000L;
                    return LowSpeedInNanoseconds + (2 * HubLowSpeedSetupNanoseconds) + HostDelayNanoseconds + tmp;
                }
                tmp = (LowSpeedOutBitTimeCentinanoseconds * (31L + 10L * LinuxBitTime(byteCount))) / 1000L;
                return LowSpeedOutNanoseconds + (2 * HubLowSpeedSetupNanoseconds) + HostDelayNanoseconds + tmp;
            }
            case UsbSpeed.Full:
            {
                var tmp = (FullSpeedBitTimeCentinanoseconds * (31L + 10L * LinuxBitTime(byteCount))) / 1000L;
                if (isochronous)
                    return (isInput ? FullSpeedIsochronousInNanoseconds : FullSpeedIsochronousOutNanoseconds) + HostDelayNanoseconds + tmp;
                return FullSpeedHandshakedNanoseconds + HostDelayNanoseconds + tmp;
            }
            case UsbSpeed.High:
                return isochronous ? LinuxHighSpeedIsochronousNanoseconds(byteCount) : LinuxHighSpeedNanoseconds(byteCount);
            default:
                throw new ArgumentOutOfRangeException(nameof(speed), speed, "usb_calc_bus_time covers low, full and high speed only");
        }
    }

    /// <summary>
    /// The spec's floating-point formula (USB 2.0 §5.11.3), with <c>BitStuffTime(Data_bc)</c> = 1.1667 × 8 × bytes
    /// for <see cref="BitStuffing.WorstCase"/> and 8 × bytes for <see cref="BitStuffing.None"/>.
    /// </summary>
    /// <remarks><c>hostDelayNanoseconds</c> is Host_Delay; null picks Linux's values (1000 ns FS/LS, 5 ns HS).
    /// <c>hubLowSpeedSetupNanoseconds</c> is Hub_LS_Setup (≥ 4 FS bit times); Linux estimates 333 ns.</remarks>
    public static double SpecNanoseconds(UsbSpeed speed, TransferDirection direction, bool isochronous, int byteCount,
        BitStuffing stuffing, double? hostDelayNanoseconds = null, double hubLowSpeedSetupNanoseconds = HubLowSpeedSetupNanoseconds)
    {
        RequireBytes(byteCount);
        var stuffed = stuffing == BitStuffing.WorstCase ? 1.1667 * 8 * byteCount : 8.0 * byteCount;
        var bits = Math.Floor(3.167 + stuffed);
        var isInput = direction == TransferDirection.In;
        switch (speed)
        {
            case UsbSpeed.Low:
            {
                var delay = hostDelayNanoseconds ?? HostDelayNanoseconds;
                return isInput
                    ? 64060 + 2 * hubLowSpeedSetupNanoseconds + 676.67 * bits + delay
                    : 64107 + 2 * hubLowSpeedSetupNanoseconds + 667.0 * bits + delay;
            }
            case UsbSpeed.Full:
            {
                var delay = hostDelayNanoseconds ?? HostDelayNanoseconds;
                var fixedPart = !isochronous ? 9107 : isInput ? 7268 : 6265;
                return fixedPart + 83.54 * bits + delay;
            }
            case UsbSpeed.High:
            {
                var delay = hostDelayNanoseconds ?? HighSpeedHostDelayNanoseconds;
                var overhead = isochronous ? HighSpeedIsochronousOverheadBytes : HighSpeedHandshakedOverheadBytes;
                return overhead * 8 * 2.083 + 2.083 * bits + delay;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(speed), speed, "§5.11.3 covers low, full and high speed only");
        }
    }

    /// <summary>
    /// SuperSpeed estimate: <paramref name="packets"/> × (payload + per-packet framing) at the line rate after encoding.
    /// Not a spec formula (domain file §6): the framing is a parameter.
    /// </summary>
    public static double SuperSpeedNanoseconds(UsbSpeed speed, int packets, int bytesPerPacket, int overheadBytesPerPacket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(packets);
        RequireBytes(bytesPerPacket);
        ArgumentOutOfRangeException.ThrowIfNegative(overheadBytesPerPacket);
        return packets * (double)(bytesPerPacket + overheadBytesPerPacket) * 1e9 / UsbBus.SuperSpeedLineRate(speed);
    }

    /// <summary>
    /// Bus time of one transaction (one packet) of <paramref name="byteCount"/> bytes as the report shows it:
    /// the Linux formula for LS/FS/HS (isochronous variant for isochronous endpoints), the rounded-up
    /// SuperSpeed estimate otherwise.
    /// </summary>
    public static long TransactionNanoseconds(UsbSpeed speed, TransferType type, TransferDirection direction, int byteCount,
        int superSpeedOverheadBytes = UsbBus.DefaultSuperSpeedPacketOverheadBytes) =>
        UsbBus.IsSuperSpeed(speed)
            ? (long)Math.Ceiling(SuperSpeedNanoseconds(speed, 1, byteCount, superSpeedOverheadBytes))
            : LinuxNanoseconds(speed, direction, type == TransferType.Isochronous, byteCount);

    /// <summary>The spec-formula twin of <see cref="TransactionNanoseconds"/> (SuperSpeed: the same estimate, unrounded).</summary>
    public static double SpecTransactionNanoseconds(UsbSpeed speed, TransferType type, TransferDirection direction, int byteCount,
        BitStuffing stuffing, int superSpeedOverheadBytes = UsbBus.DefaultSuperSpeedPacketOverheadBytes) =>
        UsbBus.IsSuperSpeed(speed)
            ? SuperSpeedNanoseconds(speed, 1, byteCount, superSpeedOverheadBytes)
            : SpecNanoseconds(speed, direction, type == TransferType.Isochronous, byteCount, stuffing);

    private static int RequireBytes(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        return byteCount;
    }
}

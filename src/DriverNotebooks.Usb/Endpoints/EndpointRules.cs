namespace DriverNotebooks.Usb;

/// <summary>
/// The descriptor rules as data: allowed wMaxPacketSize per speed and type (spec and Linux), the
/// high-bandwidth ranges of Table 9-14 and the SuperSpeed burst limits. One place for each rule;
/// <see cref="EndpointValidator"/> applies them per policy.
/// </summary>
public static class EndpointRules
{
    /// <summary>Largest wMaxPacketSize field value (bits 10..0).</summary>
    public const int MaxPacketFieldMax = 2047;

    /// <summary>SuperSpeed bMaxBurst 0..15: up to 16 packets per burst. <remarks>[S4] usb_parse_ss_endpoint_companion()</remarks></summary>
    public const int SuperSpeedMaxBurst = 16;

    /// <summary>SuperSpeed interrupt burst per spec/compliance: 3 packets per bus interval. <remarks>[S17]</remarks></summary>
    public const int SuperSpeedInterruptSpecMaxBurst = 3;

    /// <summary>Transactions per HS microframe, and SS isochronous Mult: 1–3. <remarks>[S1d], [S4]</remarks></summary>
    public const int MaxMult = 3;

    /// <summary>
    /// Spec-allowed packet sizes: an explicit set, or a range 1..max. Low speed has no bulk or isochronous.
    /// </summary>
    /// <remarks>USB 2.0 §5.5.3 (control: 8 LS; 8/16/32/64 FS; 64 HS), §5.8.3 (bulk: 8/16/32/64 FS; 512 HS),
    /// §5.7.3 (interrupt: ≤8 LS, ≤64 FS, ≤1024 HS), §5.6.3 (isochronous: ≤1023 FS, ≤1024 HS); USB 3.x §9.6.6
    /// (control 512, bulk 1024, periodic ≤1024). The maxima agree with Linux's tables [S4].</remarks>
    public static (int[]? Set, int Max) SpecMaxPacket(UsbSpeed speed, TransferType type) => (speed, type) switch
    {
        (UsbSpeed.Low, TransferType.Control) => ([8], 8),
        (UsbSpeed.Low, TransferType.Interrupt) => (null, 8),
        (UsbSpeed.Low, _) => ([], 0),
        (UsbSpeed.Full, TransferType.Control or TransferType.Bulk) => ([8, 16, 32, 64], 64),
        (UsbSpeed.Full, TransferType.Interrupt) => (null, 64),
        (UsbSpeed.Full, TransferType.Isochronous) => (null, 1023),
        (UsbSpeed.High, TransferType.Control) => ([64], 64),
        (UsbSpeed.High, TransferType.Bulk) => ([512], 512),
        (UsbSpeed.High, _) => (null, 1024),
        (_, TransferType.Control) => ([512], 512),
        (_, TransferType.Bulk) => ([1024], 1024),
        _ => (null, 1024),
    };

    /// <summary>
    /// Linux <c>low/full/high/super_speed_maxpacket_maxes[]</c>: larger values are clamped with a notice.
    /// HS bulk allows 1024 ("Bulk should be 512, but some devices use 1024: we will warn below").
    /// </summary>
    /// <remarks>[S4] drivers/usb/core/config.c</remarks>
    public static int LinuxMaxPacket(UsbSpeed speed, TransferType type) => (speed, type) switch
    {
        (UsbSpeed.Low, TransferType.Control or TransferType.Interrupt) => 8,
        (UsbSpeed.Low, _) => 0,
        (UsbSpeed.Full, TransferType.Isochronous) => 1023,
        (UsbSpeed.Full, _) => 64,
        (UsbSpeed.High, TransferType.Control) => 64,
        (UsbSpeed.High, _) => 1024,
        (_, TransferType.Control) => 512,
        _ => 1024,
    };

    /// <summary>
    /// USB 2.0 Table 9-14: packet sizes allowed for 1, 2 or 3 transactions per microframe
    /// (bits 12..11 = 00 → 1–1024, 01 → 513–1024, 10 → 683–1024).
    /// </summary>
    /// <remarks>[S1d]. Three packets of 682 bytes would fit two of 1023; hence the lower bounds.</remarks>
    public static (int Min, int Max) HighBandwidthRange(int mult) => mult switch
    {
        1 => (1, 1024),
        2 => (513, 1024),
        3 => (683, 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(mult), mult, "1–3"),
    };

    /// <summary>True where HS high-bandwidth or SS isochronous Mult applies.</summary>
    public static bool MultApplies(UsbSpeed speed, TransferType type) =>
        (speed == UsbSpeed.High && IsPeriodic(type)) || (UsbBus.IsSuperSpeed(speed) && type == TransferType.Isochronous);

    /// <summary>True for interrupt and isochronous.</summary>
    public static bool IsPeriodic(TransferType type) => type is TransferType.Interrupt or TransferType.Isochronous;

    /// <summary>Phrase for a set or a range: "8, 16, 32 or 64", "1–1024".</summary>
    public static string Describe((int[]? Set, int Max) rule) =>
        rule.Set is { Length: > 0 } set
            ? set.Length == 1 ? set[0].ToString() : string.Join(", ", set[..^1]) + " or " + set[^1]
            : $"1–{rule.Max}";
}

namespace DriverNotebooks.Usb;

/// <summary>How to read and analyse an endpoint: whose rules, which stuffing assumption, host-side knobs.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The defaults: spec policy, no bit stuffing, 32 B SuperSpeed framing, no what-ifs.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Whose rules decide validity and polling periods. Default <see cref="PollingPolicy.Spec"/>.</summary>
    public PollingPolicy Policy { get; init; } = PollingPolicy.Spec;

    /// <summary>Bit stuffing assumed by the bulk/control transaction budget. Default <see cref="BitStuffing.None"/>
    /// (the spec tables' assumption).</summary>
    public BitStuffing Stuffing { get; init; } = BitStuffing.None;

    /// <summary>An effective host bulk rate in B/s (e.g. ~40 MB/s measured on HS) used instead of the bus limit
    /// for bulk and control endpoints; null uses the bus limit. Must not exceed the bus limit.</summary>
    public double? BulkRateBytesPerSecond { get; init; }

    /// <summary>SuperSpeed Gen 1 framing per data packet, bytes. Default 32 (derived, domain file §1.6).</summary>
    public int SuperSpeedPacketOverheadBytes { get; init; } = UsbBus.DefaultSuperSpeedPacketOverheadBytes;

    /// <summary>SuperSpeedPlus Gen 2 framing per data packet, bytes. Default 32, assumed equal to Gen 1
    /// (the domain file has no Gen 2 source).</summary>
    public int SuperSpeedPlusPacketOverheadBytes { get; init; } = UsbBus.DefaultSuperSpeedPacketOverheadBytes;

    /// <summary>
    /// What-if: accept SuperSpeed interrupt bursts of 4–16 packets under the spec policy, as hosts were observed
    /// to accept [S22b]. The spec/compliance figure is 3 packets [S17]. The windows and linux policies accept
    /// them anyway, with a warning.
    /// </summary>
    public bool AllowSuperSpeedInterruptBurstBeyondSpec { get; init; }

    /// <summary>The per-packet framing for <paramref name="speed"/> (0 below SuperSpeed).</summary>
    public int PacketOverheadBytes(UsbSpeed speed) => speed switch
    {
        UsbSpeed.Super => SuperSpeedPacketOverheadBytes,
        UsbSpeed.SuperPlus => SuperSpeedPlusPacketOverheadBytes,
        _ => 0,
    };
}

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

    /// <summary>Without <see cref="BulkRateBytesPerSecond"/>: predict bulk throughput with the spec's ceiling (default) or the
    /// rate measured hosts reach (<see cref="HostRateExpectation"/>). Either way the report carries both.</summary>
    public BulkCeiling BulkCeiling { get; init; } = BulkCeiling.Spec;

    /// <summary>
    /// The options with a bulk rate as a person writes it: <c>spec</c>, <c>measured</c> or a rate such as <c>40MB/s</c>.
    /// The one parser behind <c>--bulk-rate</c> and the notebook API.
    /// </summary>
    /// <exception cref="UsbInputException">Field <c>bulkRate</c>, for anything else.</exception>
    public AnalysisOptions WithBulkRate(string text) => text.Trim() switch
    {
        "spec" => this with { BulkCeiling = BulkCeiling.Spec, BulkRateBytesPerSecond = null },
        "measured" => this with { BulkCeiling = BulkCeiling.MeasuredHosts, BulkRateBytesPerSecond = null },
        var rate => Quantities.TryParseRate(rate, out var value, out var error)
            ? this with { BulkCeiling = BulkCeiling.Spec, BulkRateBytesPerSecond = value }
            : throw new UsbInputException(UsbInputField.BulkRate, text, BulkRateAllowed, $"bulk rate \"{text}\" cannot be read ({error}); allowed: {BulkRateAllowed}"),
    };

    /// <summary>What <see cref="WithBulkRate"/> accepts, in words.</summary>
    public const string BulkRateAllowed = "spec, measured, or a positive rate such as 40MB/s";

    /// <summary>SuperSpeed Gen 1 framing per data packet, bytes. Default 32: a 20 B Data Packet Header and 12 B of payload
    /// framing [S26a] (see <see cref="UsbBus.DefaultSuperSpeedPacketOverheadBytes"/>; 48 also counts link commands).</summary>
    public int SuperSpeedPacketOverheadBytes { get; init; } = UsbBus.DefaultSuperSpeedPacketOverheadBytes;

    /// <summary>SuperSpeedPlus Gen 2 framing per data packet, bytes. Default 32, assumed equal to Gen 1: Gen 2 frames
    /// packets differently (128b/132b blocks), and no source for its per-packet figure was found.</summary>
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

namespace DriverNotebooks.Usb;

/// <summary>
/// The SuperSpeed Endpoint Companion descriptor (USB 3.2 §9.6.7) of one endpoint, and the SuperSpeedPlus isochronous
/// companion's dwBytesPerInterval when one follows it (§9.6.8).
/// </summary>
/// <param name="MaxBurst">bMaxBurst: packets per burst minus one (0–15).</param>
/// <param name="Attributes">bmAttributes: bulk bits 4..0 = MaxStreams exponent; isochronous bits 1..0 = Mult − 1, bit 7 = an SSP isochronous companion follows.</param>
/// <param name="BytesPerInterval">wBytesPerInterval for periodic endpoints; null when the dump did not show it.</param>
public sealed record SuperSpeedCompanion(int MaxBurst, int Attributes, int? BytesPerInterval)
{
    /// <summary>SuperSpeedPlus isochronous companion dwBytesPerInterval, when present.</summary>
    public long? SuperSpeedPlusBytesPerInterval { get; init; }

    /// <summary>Isochronous Mult field (bmAttributes bits 1..0): bursts per interval minus one.</summary>
    public int IsochronousMultField => Attributes & 3;

    /// <summary>Bulk: streams supported, 2^MaxStreams (0 when bits 4..0 are 0: no streams).</summary>
    public int BulkStreams => (Attributes & 0x1F) == 0 ? 0 : 1 << (Attributes & 0x1F);
}

namespace DriverNotebooks.Usb;

/// <summary>One endpoint descriptor as a dump shows it, with its raw fields (USB 2.0 §9.6.6).</summary>
/// <param name="Address">bEndpointAddress: bit 7 direction (1 = IN), bits 3..0 endpoint number.</param>
/// <param name="Type">bmAttributes bits 1..0.</param>
/// <param name="WMaxPacketSize">The whole wMaxPacketSize: bits 10..0 bytes per packet, bits 12..11 additional transactions per microframe (high-speed periodic).</param>
/// <param name="BInterval">The raw bInterval.</param>
public sealed record DumpedEndpoint(int Address, TransferType Type, int WMaxPacketSize, int BInterval)
{
    /// <summary>The SuperSpeed companion, when the dump shows one.</summary>
    public SuperSpeedCompanion? Companion { get; init; }

    /// <summary>Where the endpoint is in the dump ("line 123", "byte 60").</summary>
    public string Where { get; init; } = "";

    /// <summary>Direction from bit 7 of the address.</summary>
    public TransferDirection Direction => (Address & 0x80) != 0 ? TransferDirection.In : TransferDirection.Out;

    /// <summary>Bits 10..0 of wMaxPacketSize.</summary>
    public int MaxPacketSize => WMaxPacketSize & 0x7FF;

    /// <summary>Bits 12..11 of wMaxPacketSize: additional transactions per microframe (0–2; 3 is reserved).</summary>
    public int AdditionalTransactions => (WMaxPacketSize >> 11) & 3;

    /// <summary>The address as lsusb and the options write it, e.g. <c>0x81</c>.</summary>
    public string AddressText => $"0x{Address:x2}";

    /// <summary>
    /// The endpoint as the model takes it at <paramref name="speed"/>: mult from bits 12..11 (high speed) or the companion's
    /// Mult (SuperSpeed isochronous), burst from bMaxBurst, wBytesPerInterval from the companion for periodic endpoints.
    /// </summary>
    /// <exception cref="UsbInputException">Reserved bits set in wMaxPacketSize or the companion.</exception>
    public EndpointDescriptor ToDescriptor(UsbSpeed speed)
    {
        var superSpeed = UsbBus.IsSuperSpeed(speed);
        var companion = superSpeed ? Companion : null;
        var isochronousMult = companion is not null && Type == TransferType.Isochronous ? companion.IsochronousMultField : 0;
        var descriptor = EndpointDescriptor.FromRaw(speed, Type, Direction, superSpeed ? MaxPacketSize : WMaxPacketSize, BInterval,
            companion?.MaxBurst ?? 0, isochronousMult);
        if (superSpeed && EndpointRules.IsPeriodic(Type) && companion?.BytesPerInterval is { } bpi && companion.SuperSpeedPlusBytesPerInterval is null)
            descriptor = descriptor with { BytesPerInterval = bpi };
        return descriptor;
    }
}

namespace DriverNotebooks.Usb;

/// <summary>
/// An endpoint as its descriptors describe it, already split into fields. Nothing is checked here;
/// <see cref="EndpointValidator.Validate"/> checks it under a <see cref="PollingPolicy"/>.
/// </summary>
/// <param name="Speed">Speed of the device.</param>
/// <param name="Type">Transfer type.</param>
/// <param name="MaxPacketSize">wMaxPacketSize bits 10..0: bytes per packet.</param>
/// <param name="Interval">The raw bInterval value (0–255); its meaning depends on speed, type and policy.</param>
public sealed record EndpointDescriptor(UsbSpeed Speed, TransferType Type, int MaxPacketSize, int Interval = 1)
{
    /// <summary>Direction; the KMDF continuous reader only reads IN endpoints.</summary>
    public TransferDirection Direction { get; init; } = TransferDirection.In;

    /// <summary>
    /// 1–3. High speed: transactions per microframe (wMaxPacketSize bits 12..11 plus one), for interrupt and
    /// isochronous endpoints only. SuperSpeed: the isochronous companion's Mult (bmAttributes bits 1..0 plus one).
    /// 1 everywhere else.
    /// </summary>
    public int Mult { get; init; } = 1;

    /// <summary>SuperSpeed packets per burst, 1–16 (bMaxBurst plus one). 1 for other speeds.</summary>
    public int Burst { get; init; } = 1;

    /// <summary>SuperSpeed companion wBytesPerInterval for periodic endpoints; null means the maximum,
    /// MaxPacketSize × Burst × Mult.</summary>
    public int? BytesPerInterval { get; init; }

    /// <summary>
    /// Builds a descriptor from the raw fields: <paramref name="wMaxPacketSize"/> including bits 12..11,
    /// and for SuperSpeed the companion's <paramref name="bMaxBurst"/> (0–15) and isochronous Mult field (0–2).
    /// </summary>
    /// <exception cref="UsbInputException">Reserved bits set (15..13, or 12..11 = 3).</exception>
    public static EndpointDescriptor FromRaw(UsbSpeed speed, TransferType type, TransferDirection direction,
        int wMaxPacketSize, int bInterval, int bMaxBurst = 0, int ssIsochronousMultField = 0)
    {
        if (wMaxPacketSize is < 0 or > 0x1FFF)
            throw UsbInputException.NotAllowed(UsbInputField.MaxPacket, "wMaxPacketSize", $"0x{wMaxPacketSize:X4}",
                "(bits 15..13 are reserved)", "0x0000–0x1FFF");
        var extra = (wMaxPacketSize >> 11) & 3;
        if (extra == 3)
            throw UsbInputException.NotAllowed(UsbInputField.Mult, "wMaxPacketSize bits 12..11 value", "3",
                "(reserved, USB 2.0 Table 9-14)", "0, 1 or 2 additional transactions per microframe");
        if (bMaxBurst is < 0 or > 15)
            throw UsbInputException.NotAllowed(UsbInputField.Burst, "bMaxBurst", bMaxBurst.ToString(), "", "0–15");
        if (ssIsochronousMultField is < 0 or > 2)
            throw UsbInputException.NotAllowed(UsbInputField.Mult, "SuperSpeed isochronous Mult field", ssIsochronousMultField.ToString(), "", "0–2");
        return new EndpointDescriptor(speed, type, wMaxPacketSize & 0x7FF, bInterval)
        {
            Direction = direction,
            Mult = UsbBus.IsSuperSpeed(speed) ? ssIsochronousMultField + 1 : extra + 1,
            Burst = bMaxBurst + 1,
        };
    }

    /// <summary>Short human description, e.g. <c>high-speed interrupt IN, 1024 B × 1, bInterval 1</c>.</summary>
    public override string ToString()
    {
        var perInterval = UsbBus.IsSuperSpeed(Speed) ? $" × {Burst} × {Mult}" : $" × {Mult}";
        return $"{UsbNames.Describe(Speed)} {UsbNames.Describe(Type)} {Direction.ToString().ToUpperInvariant()}, " +
               $"{MaxPacketSize} B{perInterval}, bInterval {Interval}";
    }
}

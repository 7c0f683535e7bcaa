namespace DriverNotebooks.Usb;

/// <summary>An endpoint that passed <see cref="EndpointValidator"/>, with the values the models use.</summary>
/// <param name="Descriptor">The descriptor as given.</param>
/// <param name="Policy">The policy it was checked under.</param>
/// <param name="Type">Transfer type after policy fix-ups (Linux treats low-speed bulk as interrupt).</param>
/// <param name="MaxPacketSize">Packet size after policy fix-ups (Linux clamps; its xHCI driver programs 512 for HS bulk).</param>
/// <param name="PacketsPerInterval">Periodic: packets per service interval (HS mult, SS burst × Mult); 1 for bulk/control.</param>
/// <param name="BytesPerInterval">Periodic: bytes per service interval (HS maxp × mult; SS maxp × burst × Mult or wBytesPerInterval).</param>
/// <param name="Interval">The decoded service interval.</param>
/// <param name="Warnings">What the policy tolerated or changed.</param>
public sealed record ValidatedEndpoint(
    EndpointDescriptor Descriptor,
    PollingPolicy Policy,
    TransferType Type,
    int MaxPacketSize,
    int PacketsPerInterval,
    long BytesPerInterval,
    ServiceInterval Interval,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Speed (unchanged by validation).</summary>
    public UsbSpeed Speed => Descriptor.Speed;

    /// <summary>Direction (unchanged by validation).</summary>
    public TransferDirection Direction => Descriptor.Direction;

    /// <summary>True for interrupt and isochronous.</summary>
    public bool IsPeriodic => EndpointRules.IsPeriodic(Type);
}

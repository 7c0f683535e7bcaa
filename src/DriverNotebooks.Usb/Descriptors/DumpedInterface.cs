namespace DriverNotebooks.Usb;

/// <summary>One interface descriptor (one alternate setting of an interface) and its endpoints.</summary>
/// <param name="Number">bInterfaceNumber.</param>
/// <param name="AlternateSetting">bAlternateSetting.</param>
/// <param name="Class">bInterfaceClass (0x01 audio, 0x0E video, 0xFF vendor…).</param>
/// <param name="Endpoints">The endpoints of this alternate setting, in dump order.</param>
public sealed record DumpedInterface(int Number, int AlternateSetting, int Class, IReadOnlyList<DumpedEndpoint> Endpoints)
{
    /// <summary>bInterfaceSubClass.</summary>
    public int SubClass { get; init; }

    /// <summary>bInterfaceProtocol.</summary>
    public int Protocol { get; init; }
}

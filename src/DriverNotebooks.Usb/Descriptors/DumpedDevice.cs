namespace DriverNotebooks.Usb;

/// <summary>One device of a dump: its identity, the speed its endpoints are judged at, and its configurations.</summary>
/// <param name="VendorId">idVendor.</param>
/// <param name="ProductId">idProduct.</param>
/// <param name="BcdUsb">bcdUSB as a number, 0x0200 for USB 2.00.</param>
/// <param name="Speed">The speed, stated or inferred.</param>
/// <param name="Configurations">Every configuration the dump shows.</param>
public sealed record DumpedDevice(int VendorId, int ProductId, int BcdUsb, DeviceSpeed Speed, IReadOnlyList<DumpedConfiguration> Configurations)
{
    /// <summary>Bus number, when the dump names it.</summary>
    public int? Bus { get; init; }

    /// <summary>Device address on the bus, when the dump names it.</summary>
    public int? Address { get; init; }

    /// <summary>bMaxPacketSize0 (SuperSpeed writes 9, meaning 2^9 = 512).</summary>
    public int MaxPacketSize0 { get; init; }

    /// <summary>The product name, when the dump shows one.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>vvvv:pppp</c> in hex.</summary>
    public string Id => $"{VendorId:x4}:{ProductId:x4}";

    /// <summary>bcdUSB as written, e.g. <c>2.00</c>.</summary>
    public string UsbVersion => $"{BcdUsb >> 8:x}.{BcdUsb & 0xFF:x2}";

    /// <summary>"8086:0a66 (bus 4 device 8)" or the id alone.</summary>
    public string Label => Bus is { } b && Address is { } a ? $"{Id} (bus {b} device {a})" : Id;

    /// <summary>Every endpoint of every configuration and alternate setting.</summary>
    public IEnumerable<(DumpedConfiguration Configuration, DumpedInterface Interface, DumpedEndpoint Endpoint)> Endpoints =>
        Configurations.SelectMany(c => c.Interfaces.SelectMany(i => i.Endpoints.Select(e => (c, i, e))));
}

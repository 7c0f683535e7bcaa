using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>The real public captures in TestData (see its README) and synthetic ones made for edge cases.</summary>
internal static class CaptureFiles
{
    /// <summary>usbmon pcapng (link type 220): a HID device enumerating, then interrupt IN reports.</summary>
    public const string UsbmonHid = "usbmon-tools_test1.pcapng";

    /// <summary>USBPcap pcapng (link type 249): descriptors, then a device's interrupt IN endpoint polled.</summary>
    public const string UsbPcapInterrupt = "usbmon-tools_usbpcap1.pcapng";

    public static IReadOnlyList<string> Real { get; } = [UsbmonHid, UsbPcapInterrupt];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Captures", "TestData", name);

    /// <summary>The synthetic edge cases, by name: byte order, timestamp precision and header size the real files lack.</summary>
    public static IReadOnlyList<string> Synthetic { get; } = ["usbmon220-bigendian-ns.pcap", "usbmon189-littleendian-us.pcap", "usbmon220-littleendian-ns.pcap"];

    /// <summary>Writes the synthetic capture <paramref name="name"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteSynthetic(string folder, string name)
    {
        var reader = new SyntheticReaderCapture(Pending: 3, TransferBytes: 16384, ServiceNs: 341_333, TurnaroundNs: 123_457);
        var path = Path.Combine(folder, name);
        using var file = File.Create(path);
        switch (name)
        {
            case "usbmon220-bigendian-ns.pcap": reader.Write(file, 200, startNs: 1_700_000_000_123_456_789, LinkTypes.UsbLinuxMmapped, bigEndian: true, nanoseconds: true); break;
            case "usbmon189-littleendian-us.pcap": reader.Write(file, 200, startNs: 1_700_000_000_123_456_000, LinkTypes.UsbLinux, bigEndian: false, nanoseconds: false); break;
            case "usbmon220-littleendian-ns.pcap": reader.Write(file, 200, startNs: 1_700_000_000_000_000_001, LinkTypes.UsbLinuxMmapped, bigEndian: false, nanoseconds: true); break;
            default: throw new ArgumentException(name);
        }
        return path;
    }
}

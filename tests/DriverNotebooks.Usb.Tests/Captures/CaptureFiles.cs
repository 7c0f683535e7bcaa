using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>The real public captures in TestData (see its README) and synthetic ones made for edge cases.</summary>
internal static class CaptureFiles
{
    /// <summary>usbmon pcapng (link type 220): a HID device enumerating, then interrupt IN reports.</summary>
    public const string UsbmonHid = "usbmon-tools_test1.pcapng";

    /// <summary>USBPcap pcapng (link type 249): descriptors, then a device's interrupt IN endpoint polled.</summary>
    public const string UsbPcapInterrupt = "usbmon-tools_usbpcap1.pcapng";

    /// <summary>usbmon pcapng (link type 220), cut to 128 captured bytes a record: a SuperSpeed display adapter enumerating, then its driver streaming bulk OUT one transfer at a time.</summary>
    public const string UsbmonBulkOut = "mct-jcd543-4k-bulk-out.pcapng";

    public static IReadOnlyList<string> Real { get; } = [UsbmonHid, UsbPcapInterrupt, UsbmonBulkOut];

    /// <summary>Link type 288, full speed: a device enumerating as address 27, SOFs every 1 ms (Packetry's test capture).</summary>
    public const string PacketsFullSpeedEnumeration = "packetry_ksolti-core-enum.pcap";

    /// <summary>Link type 288, high speed: a full-speed device behind a hub enumerating through split transactions, NYETs.</summary>
    public const string PacketsSplitNyet = "packetry_split-nyet.pcap";

    /// <summary>Link type 288: six packets, three with a wrong CRC5.</summary>
    public const string PacketsBadCrcs = "packetry_bad-crcs.pcap";

    /// <summary>The real captures of USB 2.0 packets from hardware analysers (link type 288).</summary>
    public static IReadOnlyList<string> RealPackets { get; } = [PacketsFullSpeedEnumeration, PacketsSplitNyet, PacketsBadCrcs];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Captures", "TestData", name);

    /// <summary>The synthetic edge cases, by name: byte order, timestamp precision and header size the real files lack.</summary>
    public static IReadOnlyList<string> Synthetic { get; } =
        ["usbmon220-bigendian-ns.pcap", "usbmon189-littleendian-us.pcap", "usbmon220-littleendian-ns.pcap", "two-interfaces-tsresol.pcapng"];

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
            case "two-interfaces-tsresol.pcapng": WriteTwoInterfaces(file, reader); break;
            default: throw new ArgumentException(name);
        }
        return path;
    }

    /// <summary>
    /// A pcapng with two usbmon interfaces, one stamped in nanoseconds (if_tsresol 9) and one in 2^-20 s
    /// (if_tsresol 0x94), the packets alternating between them, a Name Resolution Block between packets to skip.
    /// </summary>
    private static void WriteTwoInterfaces(Stream file, SyntheticReaderCapture reader)
    {
        using var source = new MemoryStream();
        reader.Write(source, 40, startNs: 1_700_000_000_123_456_789, LinkTypes.UsbLinuxMmapped, nanoseconds: true);
        var pcap = source.ToArray();
        using var w = new BinaryWriter(file);
        Block(w, 0x0A0D0D0A, [0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        Block(w, 1, Interface(9));
        Block(w, 1, Interface(0x94));
        var index = 0;
        for (var offset = 24; offset < pcap.Length; index++)
        {
            var ns = BitConverter.ToUInt32(pcap, offset) * 1_000_000_000UL + BitConverter.ToUInt32(pcap, offset + 4);
            var length = BitConverter.ToInt32(pcap, offset + 8);
            var interfaceId = index % 2;
            var units = interfaceId == 0 ? ns : (ulong)((System.Numerics.BigInteger)ns * (1 << 20) / 1_000_000_000);
            var body = new byte[20 + length];
            BitConverter.GetBytes((uint)interfaceId).CopyTo(body, 0);
            BitConverter.GetBytes((uint)(units >> 32)).CopyTo(body, 4);
            BitConverter.GetBytes((uint)units).CopyTo(body, 8);
            BitConverter.GetBytes((uint)length).CopyTo(body, 12);
            BitConverter.GetBytes((uint)length).CopyTo(body, 16);
            Array.Copy(pcap, offset + 16, body, 20, length);
            Block(w, 6, body);
            if (index == 3) Block(w, 4, [0, 0, 0, 0]);
            offset += 16 + length;
        }
    }

    private static byte[] Interface(byte tsresol) => [(byte)LinkTypes.UsbLinuxMmapped, 0, 0, 0, 0, 0, 4, 0, 9, 0, 1, 0, tsresol, 0, 0, 0, 0, 0, 0, 0];

    private static void Block(BinaryWriter w, uint type, byte[] body)
    {
        var length = 12 + ((body.Length + 3) & ~3);
        w.Write(type);
        w.Write((uint)length);
        w.Write(body);
        w.Write(new byte[length - 12 - body.Length]);
        w.Write((uint)length);
    }
}

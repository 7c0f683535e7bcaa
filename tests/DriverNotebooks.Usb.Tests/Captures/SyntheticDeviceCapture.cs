using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// A usbmon capture of one high-speed device with several bulk IN endpoints, each read by its own
/// <see cref="SyntheticReaderCapture"/>: the device's enumeration first (GET_DESCRIPTOR(DEVICE) and
/// GET_DESCRIPTOR(CONFIGURATION) answered with <see cref="Descriptors"/>), then the readers' records interleaved by time,
/// each reader's URB ids kept apart. For tests whose expected verdicts follow from each reader's parameters.
/// </summary>
internal static class SyntheticDeviceCapture
{
    public const ushort Bus = 1;
    public const byte Device = 5;

    /// <summary>A device descriptor (bcdUSB 2.00, bMaxPacketSize0 64) and one configuration whose interface holds a bulk
    /// endpoint of 512-byte packets at each of <paramref name="endpoints"/>: a high-speed device, as a sysfs
    /// <c>descriptors</c> file holds it.</summary>
    public static (byte[] Device, byte[] Configuration) Descriptors(params byte[] endpoints)
    {
        byte[] device = [18, 1, 0x00, 0x02, 0xFF, 0, 0, 64, 0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1];
        var total = 9 + 9 + 7 * endpoints.Length;
        var configuration = new List<byte> { 9, 2, (byte)total, (byte)(total >> 8), 1, 1, 0, 0x80, 50, 9, 4, 0, 0, (byte)endpoints.Length, 0xFF, 0, 0, 0 };
        foreach (var address in endpoints) configuration.AddRange([7, 5, address, 2, 0x00, 0x02, 0]);
        return (device, configuration.ToArray());
    }

    /// <summary>Writes the capture: the enumeration of <paramref name="endpoints"/>' descriptors (unless
    /// <paramref name="enumerate"/> is false), then each reader's <c>Records</c> records on its own endpoint.</summary>
    public static void Write(Stream stream, IReadOnlyList<(SyntheticReaderCapture Reader, long Records)> readers, bool enumerate = true)
    {
        const long start = 1_700_000_000_000_000_000;
        using var writer = new UsbmonPcapWriter(stream);
        if (enumerate)
        {
            var (device, configuration) = Descriptors([.. readers.Select(r => r.Reader.Endpoint)]);
            var t = start - 10_000_000;
            foreach (var (value, bytes, id) in new[] { ((ushort)0x0100, device, 0xD0UL), ((ushort)0x0200, configuration, 0xD1UL) })
            {
                writer.Write(t, id, UrbEvent.Submit, 2, 0x80, Device, Bus, UsbmonStatusNames.InProgress, (uint)bytes.Length,
                    setup: new SetupPacket(0x80, 6, value, 0, (ushort)bytes.Length));
                writer.Write(t + 200_000, id, UrbEvent.Complete, 2, 0x80, Device, Bus, 0, (uint)bytes.Length, bytes);
                t += 1_000_000;
            }
        }
        var events = new List<(long At, int Reader, int Order, ulong Id, UrbEvent Kind, byte Type, byte Endpoint, int Status, uint Length)>();
        for (var i = 0; i < readers.Count; i++)
        {
            var (reader, records) = readers[i];
            if (reader.Device != Device || reader.Bus != Bus) throw new ArgumentException($"reader {i} is not on device {Bus}:{Device}");
            using var one = new MemoryStream();
            reader.Write(one, records, start);
            one.Position = 0;
            var order = 0;
            foreach (var r in CaptureReader.Read(one, $"reader {i}", new CaptureReadLog()))
                events.Add((r.TimestampNs, i, order++, r.RequestId + ((ulong)(i + 1) << 32), r.Event, r.TransferTypeCode, r.EndpointAddress, r.Status, (uint)r.Length));
        }
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Reader).ThenBy(e => e.Order))
            writer.Write(e.At, e.Id, e.Kind, e.Type, e.Endpoint, Device, Bus, e.Status, e.Length);
    }

    /// <summary>The capture <see cref="Write"/> writes, measured.</summary>
    public static CaptureReport Analyze(IReadOnlyList<(SyntheticReaderCapture Reader, long Records)> readers, bool enumerate = true)
    {
        using var stream = new MemoryStream();
        Write(stream, readers, enumerate);
        stream.Position = 0;
        return CaptureAnalysis.Analyze(stream, "synthetic-device.pcap");
    }
}

using System.Buffers.Binary;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>Synthetic captures of USB 2.0 packets for edge cases: packets built field by field with their CRCs.</summary>
internal static class PacketCaptures
{
    public static byte[] Token(UsbPid pid, int address, int endpoint)
    {
        var fields = (uint)(address | (endpoint << 7));
        var word = fields | ((uint)UsbCrc.Crc5(fields, 11) << 11);
        return [UsbPids.ByteOf(pid), (byte)word, (byte)(word >> 8)];
    }

    public static byte[] Sof(int frameNumber)
    {
        var word = (uint)frameNumber | ((uint)UsbCrc.Crc5((uint)frameNumber, 11) << 11);
        return [UsbPids.ByteOf(UsbPid.Sof), (byte)word, (byte)(word >> 8)];
    }

    public static byte[] Data(UsbPid pid, byte[] payload)
    {
        var crc = UsbCrc.Crc16(payload);
        return [UsbPids.ByteOf(pid), .. payload, (byte)crc, (byte)(crc >> 8)];
    }

    public static byte[] Handshake(UsbPid pid) => [UsbPids.ByteOf(pid)];

    /// <summary>A nanosecond pcap of <paramref name="linkType"/> holding <paramref name="packets"/> at their times.</summary>
    public static byte[] Pcap(IEnumerable<(long Ns, byte[] Bytes)> packets, int linkType = LinkTypes.Usb20)
    {
        using var memory = new MemoryStream();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B23C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)linkType);
        memory.Write(header);
        foreach (var (ns, bytes) in packets)
        {
            var record = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(ns / 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(ns % 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)bytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)bytes.Length);
            memory.Write(record);
            memory.Write(bytes);
        }
        return memory.ToArray();
    }

    /// <summary>The packets of a little-endian nanosecond pcap, as (time, bytes).</summary>
    public static List<(long Ns, byte[] Bytes)> Records(string pcap)
    {
        var bytes = File.ReadAllBytes(pcap);
        Assert.Equal(0xA1B23C4Du, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        var records = new List<(long, byte[])>();
        for (var offset = 24; offset + 16 <= bytes.Length;)
        {
            var ns = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) * 1_000_000_000L + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8));
            records.Add((ns, bytes.AsSpan(offset + 16, length).ToArray()));
            offset += 16 + length;
        }
        return records;
    }

    /// <summary>A pcapng with <paramref name="interfaces"/> interfaces of <paramref name="linkType"/> (nanosecond timestamps) and the packets on them.</summary>
    public static byte[] Pcapng(int interfaces, IEnumerable<(int Interface, long Ns, byte[] Bytes)> packets, int linkType = LinkTypes.Usb20)
    {
        using var memory = new MemoryStream();
        Block(memory, 0x0A0D0D0A, [0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        for (var i = 0; i < interfaces; i++) Block(memory, 1, [(byte)linkType, (byte)(linkType >> 8), 0, 0, 0, 0, 0, 0, 9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0]);
        foreach (var (id, ns, bytes) in packets)
        {
            var body = new byte[20 + bytes.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)id);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)((ulong)ns >> 32));
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)ns);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(12), (uint)bytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(16), (uint)bytes.Length);
            bytes.CopyTo(body, 20);
            Block(memory, 6, body);
        }
        return memory.ToArray();
    }

    private static void Block(Stream stream, uint type, byte[] body)
    {
        var length = 12 + ((body.Length + 3) & ~3);
        var block = new byte[length];
        BinaryPrimitives.WriteUInt32LittleEndian(block, type);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (uint)length);
        body.CopyTo(block, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(length - 4), (uint)length);
        stream.Write(block);
    }

    /// <summary>
    /// A high-speed bulk IN endpoint 0x81 of device 5 polled once per microframe for <paramref name="microframes"/>
    /// microframes from <paramref name="startNs"/>, SOFs every <paramref name="sofIntervalNs"/>: the device answers
    /// every <paramref name="dataEvery"/>-th IN with 512 bytes (ACKed by the host) and NAKs the others.
    /// </summary>
    public static List<(long Ns, byte[] Bytes)> PolledBulkIn(int microframes, int dataEvery, long sofIntervalNs = 125_000, long startNs = 1_700_000_000_000_000_000)
    {
        var packets = new List<(long, byte[])>();
        var payload = new byte[512];
        for (var i = 0; i < payload.Length; i++) payload[i] = (byte)i;
        var toggle = false;
        for (var m = 0; m < microframes; m++)
        {
            var t = startNs + m * sofIntervalNs;
            packets.Add((t, Sof((m / 8) % 2048)));
            packets.Add((t + 1_000, Token(UsbPid.In, 5, 1)));
            if (m % dataEvery == 0)
            {
                packets.Add((t + 1_200, Data(toggle ? UsbPid.Data1 : UsbPid.Data0, payload)));
                packets.Add((t + 10_000, Handshake(UsbPid.Ack)));
                toggle = !toggle;
            }
            else
            {
                packets.Add((t + 1_200, Handshake(UsbPid.Nak)));
            }
        }
        return packets;
    }
}

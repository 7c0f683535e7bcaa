namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Opens a capture, tells its format from its first bytes (pcap, pcapng or usbmon text) and streams its USB
/// records one at a time: memory stays bounded by the largest record, whatever the file's size. Captures of USB 2.0
/// packets (link type 288, 293, 294, 295) hold packets, not URBs: <see cref="ReadPackets(string, CaptureReadLog)"/> reads them.
/// </summary>
public static class CaptureReader
{
    private const int StreamBufferBytes = 1 << 20;

    /// <summary>The records of the file at <paramref name="path"/>, in file order. <paramref name="log"/> fills in as the read goes.</summary>
    public static IEnumerable<UsbRecord> Read(string path, CaptureReadLog log)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferBytes, FileOptions.SequentialScan);
        foreach (var record in Read(stream, Path.GetFileName(path), log)) yield return record;
    }

    /// <summary>The records of <paramref name="stream"/>, read from its current position; <paramref name="source"/> names it in messages.</summary>
    public static IEnumerable<UsbRecord> Read(Stream stream, string source, CaptureReadLog log) => Read(stream, source, log, onPacket: null);

    /// <summary>The USB 2.0 packets of the file at <paramref name="path"/> (its interfaces of link type 288, 293, 294 or 295), in file order.</summary>
    public static IEnumerable<UsbPacket> ReadPackets(string path, CaptureReadLog log)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferBytes, FileOptions.SequentialScan);
        foreach (var packet in ReadPackets(stream, Path.GetFileName(path), log)) yield return packet;
    }

    /// <summary>The USB 2.0 packets of <paramref name="stream"/>; URB records (usbmon, USBPcap) are skipped.</summary>
    public static IEnumerable<UsbPacket> ReadPackets(Stream stream, string source, CaptureReadLog log)
    {
        var frames = Frames(stream, source, log, out var _);
        if (frames is null) yield break;
        UsbPacketReader? packets = null;
        foreach (var frame in frames)
        {
            if (!LinkTypes.IsPacketLevel(frame.LinkType)) continue;
            packets ??= new UsbPacketReader(source, log);
            yield return packets.Decode(frame);
        }
        packets?.Finish();
    }

    /// <summary>
    /// The URB records of <paramref name="stream"/>, streaming; each USB 2.0 packet goes to <paramref name="onPacket"/> as it
    /// is read (its payload valid only during the call).
    /// </summary>
    internal static IEnumerable<UsbRecord> Read(Stream stream, string source, CaptureReadLog log, Action<UsbPacket>? onPacket)
    {
        var frames = Frames(stream, source, log, out var text);
        return frames is null ? UsbmonTextReader.Records(text!, source, log) : Decoded(frames, source, log, onPacket);
    }

    /// <summary>The pcap or pcapng records of <paramref name="stream"/>; null for usbmon text (then <paramref name="text"/> is the stream to read it from).</summary>
    private static IEnumerable<CapturedFrame>? Frames(Stream stream, string source, CaptureReadLog log, out Stream? text)
    {
        var start = new byte[32];
        var got = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (got < 4) throw CaptureFormatException.AtByte(source, got, $"the file has {got} bytes; a capture starts with a 4-byte magic number or a usbmon text line");
        var whole = new PrefixedStream(start.AsMemory(0, got), stream);
        text = null;
        if (PcapReader.IsMagic(start)) return PcapReader.Frames(whole, source, log);
        if (PcapngBlockReader.IsMagic(start)) return PcapngBlockReader.Frames(whole, source, log);
        if (UsbmonTextReader.LooksLikeText(start.AsSpan(0, got)))
        {
            text = whole;
            return null;
        }
        throw CaptureFormatException.AtByte(source, 0,
            $"magic number 0x{Convert.ToHexString(start, 0, 4)} is not a capture's; allowed: pcap (A1B2C3D4 or A1B23C4D, either byte order), pcapng (0A0D0D0A) or usbmon text lines");
    }

    private static IEnumerable<UsbRecord> Decoded(IEnumerable<CapturedFrame> frames, string source, CaptureReadLog log, Action<UsbPacket>? onPacket)
    {
        UsbPacketReader? packets = null;
        foreach (var frame in frames)
        {
            if (LinkTypes.IsPacketLevel(frame.LinkType))
            {
                packets ??= new UsbPacketReader(source, log);
                var packet = packets.Decode(frame);
                onPacket?.Invoke(packet);
                continue;
            }
            yield return frame.LinkType == LinkTypes.UsbPcap ? UsbPcapRecord.Decode(frame, source) : UsbmonRecord.Decode(frame, source);
        }
        packets?.Finish();
    }
}

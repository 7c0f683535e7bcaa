namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Opens a capture, tells its format from its first bytes (pcap, pcapng or usbmon text) and streams its USB
/// records one at a time: memory stays bounded by the largest record, whatever the file's size.
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
    public static IEnumerable<UsbRecord> Read(Stream stream, string source, CaptureReadLog log)
    {
        var start = new byte[32];
        var got = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (got < 4) throw CaptureFormatException.AtByte(source, got, $"the file has {got} bytes; a capture starts with a 4-byte magic number or a usbmon text line");
        var whole = new PrefixedStream(start.AsMemory(0, got), stream);
        if (PcapReader.IsMagic(start))
        {
            return Decoded(PcapReader.Frames(whole, source, log), source);
        }
        if (PcapngBlockReader.IsMagic(start))
        {
            return Decoded(PcapngBlockReader.Frames(whole, source, log), source);
        }
        if (UsbmonTextReader.LooksLikeText(start.AsSpan(0, got)))
        {
            return UsbmonTextReader.Records(whole, source, log);
        }
        throw CaptureFormatException.AtByte(source, 0,
            $"magic number 0x{Convert.ToHexString(start, 0, 4)} is not a capture's; allowed: pcap (A1B2C3D4 or A1B23C4D, either byte order), pcapng (0A0D0D0A) or usbmon text lines");
    }

    private static IEnumerable<UsbRecord> Decoded(IEnumerable<CapturedFrame> frames, string source)
    {
        foreach (var frame in frames)
        {
            yield return frame.LinkType == LinkTypes.UsbPcap ? UsbPcapRecord.Decode(frame, source) : UsbmonRecord.Decode(frame, source);
        }
    }
}

using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Writes a classic pcap file of link type 220 (usbmon, 64-byte headers) or 189 (48-byte headers), in either
/// byte order, with microsecond or nanosecond timestamps: what Wireshark reads as a Linux usbmon capture.
/// Used to make test and benchmark captures and to export simulated traffic.
/// </summary>
public sealed class UsbmonPcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly int _headerBytes;
    private readonly byte[] _record = new byte[16 + 64];

    /// <param name="stream">Where to write; left open on dispose unless <paramref name="ownsStream"/>.</param>
    /// <param name="linkType"><see cref="LinkTypes.UsbLinuxMmapped"/> (64-byte headers) or <see cref="LinkTypes.UsbLinux"/> (48).</param>
    /// <param name="bigEndian">Write every header big-endian (as a big-endian host would).</param>
    /// <param name="nanoseconds">Nanosecond timestamps (magic 0xA1B23C4D) instead of microseconds.</param>
    /// <param name="ownsStream">Dispose the stream with the writer.</param>
    public UsbmonPcapWriter(Stream stream, int linkType = LinkTypes.UsbLinuxMmapped, bool bigEndian = false, bool nanoseconds = false, bool ownsStream = false)
    {
        if (linkType is not (LinkTypes.UsbLinux or LinkTypes.UsbLinuxMmapped)) throw new ArgumentOutOfRangeException(nameof(linkType), "usbmon link types are 189 and 220");
        _stream = stream;
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        _headerBytes = linkType == LinkTypes.UsbLinuxMmapped ? 64 : 48;
        OwnsStream = ownsStream;
        Span<byte> header = stackalloc byte[24];
        Write32(header, nanoseconds ? PcapReader.NanosecondMagic : PcapReader.MicrosecondMagic);
        Write16(header[4..], 2);
        Write16(header[6..], 4);
        Write32(header[16..], 262144);
        Write32(header[20..], (uint)linkType);
        _stream.Write(header);
    }

    private bool OwnsStream { get; }

    /// <summary>
    /// Appends one usbmon event. <paramref name="length"/> is the usbmon length (requested on a submit, actual on a
    /// completion); <paramref name="data"/> the captured bytes (len_cap); <paramref name="setup"/> the SETUP packet of a control submit.
    /// </summary>
    public void Write(long timestampNs, ulong urbId, UrbEvent kind, byte transferType, byte endpointAddress, byte device, ushort bus,
        int status, uint length, ReadOnlySpan<byte> data = default, SetupPacket? setup = null)
    {
        var recordBytes = _headerBytes + data.Length;
        var seconds = timestampNs / 1_000_000_000L;
        var fraction = timestampNs % 1_000_000_000L;
        var r = _record.AsSpan();
        r.Clear();
        Write32(r, (uint)seconds);
        Write32(r[4..], (uint)(_nanoseconds ? fraction : fraction / 1000));
        Write32(r[8..], (uint)recordBytes);
        Write32(r[12..], (uint)recordBytes);
        var h = r[16..];
        Write64(h, urbId);
        h[8] = kind switch { UrbEvent.Submit => (byte)'S', UrbEvent.Complete => (byte)'C', _ => (byte)'E' };
        h[9] = transferType;
        h[10] = endpointAddress;
        h[11] = device;
        Write16(h[12..], bus);
        h[14] = setup is null ? (byte)'-' : (byte)0;
        h[15] = data.IsEmpty ? (byte)'<' : (byte)0;
        Write64(h[16..], (ulong)seconds);
        Write32(h[24..], (uint)(fraction / 1000));
        Write32(h[28..], (uint)status);
        Write32(h[32..], length);
        Write32(h[36..], (uint)data.Length);
        if (setup is { } s)
        {
            h[40] = s.RequestType;
            h[41] = s.Request;
            BinaryPrimitives.WriteUInt16LittleEndian(h[42..], s.Value);
            BinaryPrimitives.WriteUInt16LittleEndian(h[44..], s.Index);
            BinaryPrimitives.WriteUInt16LittleEndian(h[46..], s.Length);
        }
        _stream.Write(r[..(16 + _headerBytes)]);
        _stream.Write(data);
    }

    public void Dispose()
    {
        _stream.Flush();
        if (OwnsStream) _stream.Dispose();
    }

    private void Write16(Span<byte> b, ushort v) { if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v); }

    private void Write32(Span<byte> b, uint v) { if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v); }

    private void Write64(Span<byte> b, ulong v) { if (_bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v); else BinaryPrimitives.WriteUInt64LittleEndian(b, v); }
}

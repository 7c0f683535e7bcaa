using System.Buffers.Binary;
using System.Text;

namespace DriverNotebooks.Usb.Captures;

/// <summary>The file format a <see cref="UsbmonPcapWriter"/> writes.</summary>
public enum CaptureContainer
{
    /// <summary>Classic libpcap: a 24-byte file header, then a 16-byte header before each record.</summary>
    Pcap,

    /// <summary>pcapng: a section header and one interface description block, then an enhanced packet block per record.</summary>
    Pcapng,
}

/// <summary>What a pcapng file says about itself (shown by Wireshark under Statistics → Capture File Properties).</summary>
/// <param name="Application">shb_userappl: the program that wrote the file.</param>
/// <param name="Comment">shb_comment: free text about the capture; null for none.</param>
/// <param name="InterfaceName">if_name of the one interface (usbmon names its interfaces <c>usbmonN</c>).</param>
/// <param name="InterfaceDescription">if_description; null for none.</param>
public sealed record PcapngDescription(string Application, string? Comment = null, string InterfaceName = "usbmon1", string? InterfaceDescription = null);

/// <summary>
/// Writes a Linux usbmon capture of link type 220 (64-byte headers) or 189 (48-byte headers) as classic pcap or pcapng,
/// in either byte order, with microsecond or nanosecond timestamps: what Wireshark reads as a usbmon capture
/// (pcapng layout: the IETF pcapng draft [C-PCAPNG], §4.1 section header, §4.2 interface description, §4.3
/// enhanced packet). Used to make test and benchmark captures and to export simulated traffic.
/// </summary>
public sealed class UsbmonPcapWriter : IDisposable
{
    private const uint InterfaceDescriptionType = 1;
    private const uint EnhancedPacketType = 6;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const int SnapLength = 262144;

    /// <summary>-EXDEV: the status usb_submit_urb gives each ISO packet until it completes.</summary>
    private const int ExdevStatus = -18;

    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly int _headerBytes;
    private readonly CaptureContainer _container;
    private readonly byte[] _record = new byte[28 + 64];

    /// <param name="stream">Where to write; left open on dispose unless <paramref name="ownsStream"/>.</param>
    /// <param name="linkType"><see cref="LinkTypes.UsbLinuxMmapped"/> (64-byte headers) or <see cref="LinkTypes.UsbLinux"/> (48).</param>
    /// <param name="bigEndian">Write every header big-endian (as a big-endian host would).</param>
    /// <param name="nanoseconds">Nanosecond timestamps (pcap magic 0xA1B23C4D; pcapng if_tsresol 9) instead of microseconds.</param>
    /// <param name="ownsStream">Dispose the stream with the writer.</param>
    /// <param name="container">Classic pcap (default) or pcapng.</param>
    /// <param name="description">pcapng only: what the section and its interface say about themselves.</param>
    public UsbmonPcapWriter(Stream stream, int linkType = LinkTypes.UsbLinuxMmapped, bool bigEndian = false, bool nanoseconds = false, bool ownsStream = false,
        CaptureContainer container = CaptureContainer.Pcap, PcapngDescription? description = null)
    {
        if (linkType is not (LinkTypes.UsbLinux or LinkTypes.UsbLinuxMmapped)) throw new ArgumentOutOfRangeException(nameof(linkType), "usbmon link types are 189 and 220");
        _stream = stream;
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        _headerBytes = linkType == LinkTypes.UsbLinuxMmapped ? 64 : 48;
        _container = container;
        OwnsStream = ownsStream;
        if (container == CaptureContainer.Pcapng) WritePcapngHeader(linkType, description ?? new PcapngDescription("drivernb"));
        else WritePcapHeader(linkType);
    }

    private bool OwnsStream { get; }

    /// <summary>
    /// Appends one usbmon event. <paramref name="length"/> is the usbmon length (requested on a submit, actual on a
    /// completion); <paramref name="data"/> the captured bytes (len_cap); <paramref name="setup"/> the SETUP packet of a control submit.
    /// With 64-byte headers, <paramref name="interval"/> is the URB's polling interval (frames or microframes, as usbmon
    /// gives it), and an isochronous URB of <paramref name="length"/> bytes is <paramref name="isoPackets"/> packets of
    /// <paramref name="isoPacketBytes"/> (the last one shorter if need be): numdesc and ndesc, and one 16-byte ISO descriptor
    /// per packet before the data (status −EXDEV on a submit as usb_submit_urb sets it, 0 on a completion).
    /// </summary>
    public void Write(long timestampNs, ulong urbId, UrbEvent kind, byte transferType, byte endpointAddress, byte device, ushort bus,
        int status, uint length, ReadOnlySpan<byte> data = default, SetupPacket? setup = null, int interval = 0, int isoPackets = 0, int isoPacketBytes = 0)
    {
        var descriptors = _headerBytes == 64 && transferType == 0 ? isoPackets : 0;
        var recordBytes = _headerBytes + descriptors * 16 + data.Length;
        var seconds = timestampNs / 1_000_000_000L;
        var fraction = timestampNs % 1_000_000_000L;
        var frameHeaderBytes = _container == CaptureContainer.Pcapng ? 28 : 16;
        var r = _record.AsSpan(0, frameHeaderBytes + _headerBytes);
        r.Clear();
        var padding = 0;
        if (_container == CaptureContainer.Pcapng)
        {
            padding = (4 - recordBytes % 4) % 4;
            var units = _nanoseconds ? timestampNs : timestampNs / 1000;
            Write32(r, EnhancedPacketType);
            Write32(r[4..], (uint)(32 + recordBytes + padding));
            Write32(r[8..], 0);
            Write32(r[12..], (uint)((ulong)units >> 32));
            Write32(r[16..], (uint)units);
            Write32(r[20..], (uint)recordBytes);
            Write32(r[24..], (uint)recordBytes);
        }
        else
        {
            Write32(r, (uint)seconds);
            Write32(r[4..], (uint)(_nanoseconds ? fraction : fraction / 1000));
            Write32(r[8..], (uint)recordBytes);
            Write32(r[12..], (uint)recordBytes);
        }
        var h = r[frameHeaderBytes..];
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
        else if (transferType == 0)
        {
            Write32(h[44..], (uint)isoPackets);
        }
        if (_headerBytes == 64)
        {
            Write32(h[48..], (uint)interval);
            Write32(h[60..], (uint)descriptors);
        }
        _stream.Write(r);
        Span<byte> iso = stackalloc byte[16];
        for (var i = 0; i < descriptors; i++)
        {
            var offset = (long)i * isoPacketBytes;
            iso.Clear();
            Write32(iso, kind == UrbEvent.Submit ? unchecked((uint)ExdevStatus) : 0);
            Write32(iso[4..], (uint)offset);
            Write32(iso[8..], (uint)Math.Clamp(length - offset, 0, isoPacketBytes));
            _stream.Write(iso);
        }
        _stream.Write(data);
        if (_container == CaptureContainer.Pcapng)
        {
            Span<byte> tail = stackalloc byte[8];
            tail.Clear();
            Write32(tail[padding..], (uint)(32 + recordBytes + padding));
            _stream.Write(tail[..(padding + 4)]);
        }
    }

    public void Dispose()
    {
        _stream.Flush();
        if (OwnsStream) _stream.Dispose();
    }

    private void WritePcapHeader(int linkType)
    {
        Span<byte> header = stackalloc byte[24];
        header.Clear();
        Write32(header, _nanoseconds ? PcapReader.NanosecondMagic : PcapReader.MicrosecondMagic);
        Write16(header[4..], 2);
        Write16(header[6..], 4);
        Write32(header[16..], SnapLength);
        Write32(header[20..], (uint)linkType);
        _stream.Write(header);
    }

    private void WritePcapngHeader(int linkType, PcapngDescription description)
    {
        // Section header block: byte-order magic, version 1.0, section length unknown (-1), then options.
        var section = new BlockBuilder(this);
        section.Add32(ByteOrderMagic);
        section.Add16(1);
        section.Add16(0);
        section.Add32(0xFFFF_FFFF);
        section.Add32(0xFFFF_FFFF);
        if (description.Comment is { } comment) section.AddOption(1, Encoding.UTF8.GetBytes(comment));
        section.AddOption(4, Encoding.UTF8.GetBytes(description.Application));
        section.EndOptions();
        section.WriteTo(_stream, PcapngBlockReader.SectionHeaderType);

        var face = new BlockBuilder(this);
        face.Add16((ushort)linkType);
        face.Add16(0);
        face.Add32(SnapLength);
        face.AddOption(2, Encoding.UTF8.GetBytes(description.InterfaceName));
        if (description.InterfaceDescription is { } text) face.AddOption(3, Encoding.UTF8.GetBytes(text));
        if (_nanoseconds) face.AddOption(9, [9]);
        face.EndOptions();
        face.WriteTo(_stream, InterfaceDescriptionType);
    }

    private void Write16(Span<byte> b, ushort v) { if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v); }

    private void Write32(Span<byte> b, uint v) { if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v); }

    private void Write64(Span<byte> b, ulong v) { if (_bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v); else BinaryPrimitives.WriteUInt64LittleEndian(b, v); }

    /// <summary>The body of one pcapng block (options padded to 32 bits), framed by its type and twice its total length.</summary>
    private sealed class BlockBuilder(UsbmonPcapWriter writer)
    {
        private readonly List<byte> _body = [];

        public void Add16(ushort v)
        {
            Span<byte> b = stackalloc byte[2];
            writer.Write16(b, v);
            _body.AddRange(b);
        }

        public void Add32(uint v)
        {
            Span<byte> b = stackalloc byte[4];
            writer.Write32(b, v);
            _body.AddRange(b);
        }

        public void AddOption(ushort code, byte[] value)
        {
            Add16(code);
            Add16((ushort)value.Length);
            _body.AddRange(value);
            while (_body.Count % 4 != 0) _body.Add(0);
        }

        public void EndOptions() => Add32(0);

        public void WriteTo(Stream stream, uint type)
        {
            var total = (uint)(12 + _body.Count);
            Span<byte> b = stackalloc byte[8];
            writer.Write32(b, type);
            writer.Write32(b[4..], total);
            stream.Write(b);
            stream.Write(_body.ToArray());
            stream.Write(b[4..8]);
        }
    }
}

using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Reads a pcapng file block by block: Section Header Blocks (whose byte-order magic sets the order of the
/// section), Interface Description Blocks (link type, <c>if_tsresol</c>), Enhanced, Simple and obsolete Packet
/// Blocks; every other block type is skipped by its length [C-PCAPNG]. A block cut short by the end of the file is a
/// warning and ends the read; a length that cannot be right (under 12, not a multiple of 4, above
/// <see cref="CaptureLimits.MaxRecordBytes"/>, a trailing copy that differs, a packet longer than its block)
/// is malformed.
/// </summary>
internal static class PcapngBlockReader
{
    public const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionType = 1;
    private const uint ObsoletePacketType = 2;
    private const uint SimplePacketType = 3;
    private const uint EnhancedPacketType = 6;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const ushort TsresolOption = 9;

    public static bool IsMagic(ReadOnlySpan<byte> first4) => BinaryPrimitives.ReadUInt32LittleEndian(first4) == SectionHeaderType;

    public static IEnumerable<CapturedFrame> Frames(Stream stream, string source, CaptureReadLog log)
    {
        var reader = new ChunkReader(stream);
        var interfaces = new List<PcapngInterface>();
        var bigEndian = false;
        long offset = 0;
        long lastTimestamp = 0;
        var sawUsbInterface = false;
        log.Format = "pcapng";
        while (true)
        {
            var got = reader.Ensure(12);
            if (got == 0) break;
            if (got < 12)
            {
                log.Warn($"byte {offset}: the last block's header is cut short ({got} of 12 bytes); the {log.Frames} packets before it are read");
                break;
            }
            var head = reader.Span(12);
            var type = Read32(head, bigEndian);
            if (BinaryPrimitives.ReadUInt32LittleEndian(head) == SectionHeaderType)
            {
                type = SectionHeaderType;
                var magicLe = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
                if (magicLe == ByteOrderMagic) bigEndian = false;
                else if (BinaryPrimitives.ReadUInt32BigEndian(head[8..]) == ByteOrderMagic) bigEndian = true;
                else throw CaptureFormatException.AtByte(source, offset + 8, $"section header byte-order magic is 0x{magicLe:X8}; allowed: 0x1A2B3C4D in either byte order");
                log.BigEndian = bigEndian;
                interfaces.Clear();
            }
            else if (offset == 0)
            {
                throw CaptureFormatException.AtByte(source, 0, "a pcapng file starts with a Section Header Block");
            }
            var length = Read32(head[4..], bigEndian);
            if (length < 12 || length % 4 != 0 || length > CaptureLimits.MaxRecordBytes)
            {
                throw CaptureFormatException.AtByte(source, offset + 4,
                    $"block of type 0x{type:X} claims {length} bytes; a block is a multiple of 4 from 12 to {CaptureLimits.MaxRecordBytes}");
            }
            got = reader.Ensure((int)length);
            if (got < length)
            {
                log.Warn($"byte {offset}: the last block is cut short ({got} of {length} bytes); the {log.Frames} packets before it are read");
                break;
            }
            var block = reader.Span((int)length);
            var trailing = Read32(block[^4..], bigEndian);
            if (trailing != length)
            {
                throw CaptureFormatException.AtByte(source, offset + length - 4,
                    $"block of type 0x{type:X} starts with length {length} but ends with {trailing}; both copies must agree");
            }
            var body = block[8..^4];
            switch (type)
            {
                case InterfaceDescriptionType:
                {
                    if (body.Length < 8) throw CaptureFormatException.AtByte(source, offset, "interface description block is shorter than its 8 fixed bytes");
                    var linkType = Read16(body, bigEndian);
                    var description = ReadTsresol(body[8..], bigEndian) is { } tsresol
                        ? PcapngInterface.WithResolution(linkType, tsresol)
                        : PcapngInterface.Default(linkType);
                    if (description.PowerOfTwo ? description.Exponent > 63 : description.Exponent > 18)
                    {
                        throw CaptureFormatException.AtByte(source, offset, $"if_tsresol of interface {interfaces.Count} is 10^-{description.Exponent} or finer than 2^-63; allowed: up to 10^-18 or 2^-63");
                    }
                    interfaces.Add(description);
                    log.AddLinkType(linkType);
                    if (LinkTypes.IsSupported(linkType)) sawUsbInterface = true;
                    else log.UnsupportedLinkType ??= linkType;
                    break;
                }
                case EnhancedPacketType:
                case ObsoletePacketType:
                {
                    if (body.Length < 20) throw CaptureFormatException.AtByte(source, offset, "packet block is shorter than its 20 fixed bytes");
                    var interfaceId = type == EnhancedPacketType ? (int)Read32(body, bigEndian) : Read16(body, bigEndian);
                    var description = InterfaceOf(interfaces, interfaceId, source, offset);
                    var units = ((ulong)Read32(body[4..], bigEndian) << 32) | Read32(body[8..], bigEndian);
                    var captured = Read32(body[12..], bigEndian);
                    var original = Read32(body[16..], bigEndian);
                    if (captured > body.Length - 20)
                    {
                        throw CaptureFormatException.AtByte(source, offset + 20,
                            $"packet claims {captured} captured bytes but its block holds {body.Length - 20}");
                    }
                    lastTimestamp = description.ToNanoseconds(units);
                    log.Frames++;
                    if (!LinkTypes.IsSupported(description.LinkType))
                    {
                        log.SkippedFrames++;
                        break;
                    }
                    yield return new CapturedFrame(offset, description.LinkType, interfaceId, lastTimestamp, original,
                        reader.Memory(28, (int)captured), bigEndian);
                    break;
                }
                case SimplePacketType:
                {
                    if (body.Length < 4) throw CaptureFormatException.AtByte(source, offset, "simple packet block is shorter than its 4 fixed bytes");
                    var description = InterfaceOf(interfaces, 0, source, offset);
                    var original = Read32(body, bigEndian);
                    var captured = (int)Math.Min(original, (uint)(body.Length - 4));
                    log.Frames++;
                    if (!LinkTypes.IsSupported(description.LinkType))
                    {
                        log.SkippedFrames++;
                        break;
                    }
                    // A simple packet block has no timestamp: it takes the previous packet's.
                    yield return new CapturedFrame(offset, description.LinkType, 0, lastTimestamp, original,
                        reader.Memory(12, captured), bigEndian);
                    break;
                }
            }
            reader.Advance((int)length);
            offset += length;
        }
        if (!sawUsbInterface && log.UnsupportedLinkType is { } unsupported)
        {
            throw CaptureFormatException.AtByte(source, 0,
                $"link type {LinkTypes.Describe(unsupported)} is not a USB capture this reader knows; allowed: {LinkTypes.DescribeSupported()}");
        }
        if (log.SkippedFrames > 0)
        {
            log.Warn($"{log.SkippedFrames} packets on interfaces of link type {LinkTypes.Describe(log.UnsupportedLinkType ?? 0)} were skipped");
        }
    }

    private static PcapngInterface InterfaceOf(List<PcapngInterface> interfaces, int id, string source, long offset) =>
        id >= 0 && id < interfaces.Count
            ? interfaces[id]
            : throw CaptureFormatException.AtByte(source, offset,
                interfaces.Count == 0
                    ? $"packet block names interface {id} but the section has no Interface Description Block before it"
                    : $"packet block names interface {id} but the section describes {interfaces.Count} (0 to {interfaces.Count - 1})");

    private static byte? ReadTsresol(ReadOnlySpan<byte> options, bool bigEndian)
    {
        while (options.Length >= 4)
        {
            var code = (ushort)Read16(options, bigEndian);
            var length = (ushort)Read16(options[2..], bigEndian);
            if (code == 0 || 4 + length > options.Length) return null;
            if (code == TsresolOption && length >= 1) return options[4];
            var next = 4 + ((length + 3) & ~3);
            if (next > options.Length) return null;
            options = options[next..];
        }
        return null;
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private static int Read16(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
}

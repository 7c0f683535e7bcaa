using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Reads a classic pcap file record by record: the 24-byte file header (magic 0xA1B2C3D4 for microsecond or
/// 0xA1B23C4D for nanosecond timestamps, in either byte order), then 16-byte record headers each followed by its
/// captured bytes [C-PCAP]. A record cut short by the end of the file is a warning and ends the read.
/// </summary>
internal static class PcapReader
{
    public const uint MicrosecondMagic = 0xA1B2C3D4;
    public const uint NanosecondMagic = 0xA1B23C4D;
    private const int FileHeaderBytes = 24;
    private const int RecordHeaderBytes = 16;

    public static bool IsMagic(ReadOnlySpan<byte> first4)
    {
        var le = BinaryPrimitives.ReadUInt32LittleEndian(first4);
        var be = BinaryPrimitives.ReadUInt32BigEndian(first4);
        return le is MicrosecondMagic or NanosecondMagic || be is MicrosecondMagic or NanosecondMagic;
    }

    public static IEnumerable<CapturedFrame> Frames(Stream stream, string source, CaptureReadLog log)
    {
        var reader = new ChunkReader(stream);
        var got = reader.Ensure(FileHeaderBytes);
        if (got < FileHeaderBytes)
        {
            throw CaptureFormatException.AtByte(source, got, $"the pcap file header needs {FileHeaderBytes} bytes; the file has {got}");
        }
        var header = reader.Span(FileHeaderBytes);
        var bigEndian = BinaryPrimitives.ReadUInt32BigEndian(header) is MicrosecondMagic or NanosecondMagic;
        var magic = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(header) : BinaryPrimitives.ReadUInt32LittleEndian(header);
        var nanoseconds = magic == NanosecondMagic;
        var linkType = (int)(Read32(header[20..], bigEndian) & 0x0FFF_FFFF);
        log.Format = nanoseconds ? "pcap (nanosecond)" : "pcap";
        log.BigEndian = bigEndian;
        log.AddLinkType(linkType);
        reader.Advance(FileHeaderBytes);
        if (!LinkTypes.IsSupported(linkType))
        {
            throw CaptureFormatException.AtByte(source, 20,
                $"link type {LinkTypes.Describe(linkType)} is not a USB capture this reader knows; allowed: {LinkTypes.DescribeSupported()}");
        }

        long offset = FileHeaderBytes;
        while (true)
        {
            got = reader.Ensure(RecordHeaderBytes);
            if (got == 0) yield break;
            if (got < RecordHeaderBytes)
            {
                log.Warn($"byte {offset}: the last record's header is cut short ({got} of {RecordHeaderBytes} bytes); the {log.Frames} records before it are read");
                yield break;
            }
            var record = reader.Span(RecordHeaderBytes);
            var seconds = Read32(record, bigEndian);
            var fraction = Read32(record[4..], bigEndian);
            var included = Read32(record[8..], bigEndian);
            var original = Read32(record[12..], bigEndian);
            if (included > CaptureLimits.MaxRecordBytes)
            {
                throw CaptureFormatException.AtByte(source, offset,
                    $"record claims {included} captured bytes; a record holds at most {CaptureLimits.MaxRecordBytes}");
            }
            got = reader.Ensure(RecordHeaderBytes + (int)included);
            if (got < RecordHeaderBytes + included)
            {
                log.Warn($"byte {offset}: the last record is cut short ({got - RecordHeaderBytes} of {included} bytes); the {log.Frames} records before it are read");
                yield break;
            }
            var timestamp = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1_000L);
            log.Frames++;
            yield return new CapturedFrame(offset, linkType, 0, timestamp, original, reader.Memory(RecordHeaderBytes, (int)included), bigEndian);
            reader.Advance(RecordHeaderBytes + (int)included);
            offset += RecordHeaderBytes + included;
        }
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}

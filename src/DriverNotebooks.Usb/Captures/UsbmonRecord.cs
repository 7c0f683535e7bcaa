using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Decodes the Linux usbmon binary header that starts each record of link types 189 (48 bytes) and 220
/// (64 bytes), in the capturing host's byte order (the file's), as Documentation/usb/usbmon.rst lays it out:
/// id@0, type@8, xfer_type@9, epnum@10, devnum@11, busnum@12, flag_setup@14, flag_data@15, ts_sec@16,
/// ts_usec@24, status@28, length@32, len_cap@36, setup or ISO counts@40; with 64 bytes also interval@48,
/// start_frame@52, xfer_flags@56, ndesc@60, and ndesc 16-byte ISO descriptors before the data [C-USBMON].
/// </summary>
internal static class UsbmonRecord
{
    public static UsbRecord Decode(in CapturedFrame frame, string source)
    {
        var headerBytes = frame.LinkType == LinkTypes.UsbLinuxMmapped ? 64 : 48;
        var bytes = frame.Data.Span;
        if (bytes.Length < headerBytes)
        {
            throw CaptureFormatException.AtByte(source, frame.FileOffset,
                $"usbmon record holds {bytes.Length} bytes; its header (link type {frame.LinkType}) needs {headerBytes}");
        }
        var big = frame.BigEndian;
        var id = big ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var type = bytes[8];
        var kind = type switch
        {
            (byte)'S' => UrbEvent.Submit,
            (byte)'C' => UrbEvent.Complete,
            (byte)'E' => UrbEvent.SubmitError,
            _ => throw CaptureFormatException.AtByte(source, frame.FileOffset,
                $"usbmon event type is 0x{type:X2}; allowed: 'S' (submit), 'C' (complete) or 'E' (error)"),
        };
        var transferType = bytes[9];
        var endpoint = bytes[10];
        var device = bytes[11];
        var bus = big ? BinaryPrimitives.ReadUInt16BigEndian(bytes[12..]) : BinaryPrimitives.ReadUInt16LittleEndian(bytes[12..]);
        var setupFlag = bytes[14];
        var status = Read32(bytes[28..], big);
        var length = (uint)Read32(bytes[32..], big);
        var captured = (uint)Read32(bytes[36..], big);
        SetupPacket? setup = setupFlag == 0 && kind == UrbEvent.Submit && transferType == 2 ? SetupPacket.Parse(bytes[40..48]) : null;
        var dataStart = headerBytes;
        if (headerBytes == 64 && transferType == 0)
        {
            var descriptors = (uint)Read32(bytes[60..], big);
            dataStart += (int)Math.Min(descriptors * 16L, bytes.Length - headerBytes);
        }
        var dataLength = (int)Math.Min(captured, (uint)(bytes.Length - dataStart));
        return new UsbRecord(frame.FileOffset, frame.TimestampNs, CaptureFlavor.Usbmon, id, kind, bus, device, endpoint, transferType,
            status, length, captured, Function: 0, ControlStage: -1, setup, frame.Data.Slice(dataStart, dataLength));
    }

    private static int Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);
}

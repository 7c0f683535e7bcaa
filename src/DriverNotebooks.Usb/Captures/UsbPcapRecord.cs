using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Decodes the USBPcap pseudo-header of link type 249 (always little-endian, packed): headerLen@0, irpId@2,
/// status (USBD_STATUS)@10, function@14, info@16 (bit 0: PDO→FDO, the IRP coming back, a completion), bus@17,
/// device@19, endpoint@21, transfer@22, dataLength@23; control transfers add stage@27, isochronous ones the
/// start frame, packet count, error count and per-packet descriptors up to headerLen. Data follows headerLen [C-USBPCAP].
/// </summary>
internal static class UsbPcapRecord
{
    private const int BaseHeaderBytes = 27;

    public static UsbRecord Decode(in CapturedFrame frame, string source)
    {
        var bytes = frame.Data.Span;
        if (bytes.Length < BaseHeaderBytes)
        {
            throw CaptureFormatException.AtByte(source, frame.FileOffset,
                $"USBPcap record holds {bytes.Length} bytes; its header needs at least {BaseHeaderBytes}");
        }
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        if (headerLength < BaseHeaderBytes || headerLength > bytes.Length)
        {
            throw CaptureFormatException.AtByte(source, frame.FileOffset,
                $"USBPcap headerLen is {headerLength}; allowed: {BaseHeaderBytes} to the record's {bytes.Length} bytes");
        }
        var irp = BinaryPrimitives.ReadUInt64LittleEndian(bytes[2..]);
        var status = BinaryPrimitives.ReadInt32LittleEndian(bytes[10..]);
        var function = BinaryPrimitives.ReadUInt16LittleEndian(bytes[14..]);
        var info = bytes[16];
        var bus = BinaryPrimitives.ReadUInt16LittleEndian(bytes[17..]);
        var device = BinaryPrimitives.ReadUInt16LittleEndian(bytes[19..]);
        var endpoint = bytes[21];
        var transfer = bytes[22];
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[23..]);
        var stage = transfer == 2 && headerLength > BaseHeaderBytes ? bytes[27] : -1;
        var kind = (info & 1) != 0 ? UrbEvent.Complete : UrbEvent.Submit;
        var available = bytes.Length - headerLength;
        var data = frame.Data.Slice(headerLength, (int)Math.Min(dataLength, (uint)available));
        SetupPacket? setup = stage == 0 && kind == UrbEvent.Submit && data.Length >= 8 ? SetupPacket.Parse(data.Span[..8]) : null;
        return new UsbRecord(frame.FileOffset, frame.TimestampNs, CaptureFlavor.UsbPcap, irp, kind, bus, device, endpoint, transfer,
            status, dataLength, dataLength, function, stage, setup, data);
    }
}

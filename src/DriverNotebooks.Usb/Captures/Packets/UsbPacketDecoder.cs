using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Decodes one record of a link type 288 (293, 294, 295) capture: a USB 2.0 packet beginning with its PID byte
/// [C-LINKTYPES], laid out as USB 2.0 §8.3–8.4 says [C-USB2]. The PID check nibble, the length the PID allows
/// and the CRC5 or CRC16 are checked; what fails is named in <see cref="UsbPacket.Problem"/>, never thrown: a
/// hardware analyser records bus noise too.
/// </summary>
public static class UsbPacketDecoder
{
    /// <summary>The longest data packet: PID, 1,024 payload bytes (high speed's largest), CRC16.</summary>
    public const int MaxDataPacketBytes = 1 + 1024 + 2;

    /// <summary>Decodes <paramref name="bytes"/>, the captured part of a packet <paramref name="originalLength"/> bytes long on the wire.</summary>
    public static UsbPacket Decode(ReadOnlyMemory<byte> bytes, long originalLength, long fileOffset = 0, long timestampNs = 0, int bus = 0, int linkType = LinkTypes.Usb20)
    {
        var span = bytes.Span;
        var length = (int)Math.Min(Math.Max(originalLength, span.Length), int.MaxValue);
        var packet = new UsbPacket(fileOffset, timestampNs, bus, linkType, 0, UsbPid.Reserved, PacketProblem.None, length, -1, -1, -1, null, ReadOnlyMemory<byte>.Empty);
        if (span.Length == 0) return packet with { Problem = PacketProblem.Empty };
        var pidByte = span[0];
        var pid = (UsbPid)(pidByte & 0xF);
        packet = packet with { PidByte = pidByte, Pid = pid };
        if ((pidByte >> 4) != (~pidByte & 0xF)) return packet with { Problem = PacketProblem.BadPidCheck };
        var kind = UsbPids.KindOf(pid);
        if (kind == UsbPidKind.Reserved) return packet with { Problem = PacketProblem.ReservedPid };
        var lengthOk = kind switch
        {
            UsbPidKind.Token or UsbPidKind.StartOfFrame => length == 3,
            UsbPidKind.Split => length == 4,
            UsbPidKind.Data => length is >= 3 and <= MaxDataPacketBytes,
            _ => length == 1,
        };
        if (!lengthOk) return packet with { Problem = PacketProblem.WrongLength };
        var cut = span.Length < length;
        switch (kind)
        {
            case UsbPidKind.Token:
            case UsbPidKind.StartOfFrame:
            {
                if (cut) return packet with { Problem = PacketProblem.CutBySnapLength };
                var word = (uint)BinaryPrimitives.ReadUInt16LittleEndian(span[1..]);
                var fields = word & 0x7FF;
                packet = kind == UsbPidKind.Token
                    ? packet with { Address = (int)(fields & 0x7F), Endpoint = (int)(fields >> 7) }
                    : packet with { FrameNumber = (int)fields };
                return UsbCrc.Crc5(fields, 11) == (int)(word >> 11) ? packet : packet with { Problem = PacketProblem.BadCrc5 };
            }
            case UsbPidKind.Split:
            {
                if (cut) return packet with { Problem = PacketProblem.CutBySnapLength };
                var word = (uint)(span[1] | (span[2] << 8) | (span[3] << 16));
                var fields = word & 0x7FFFF;
                packet = packet with { Split = new SplitToken((int)(fields & 0x7F), ((fields >> 7) & 1) != 0, (int)((fields >> 8) & 0x7F), (int)((fields >> 17) & 3)) };
                return UsbCrc.Crc5(fields, 19) == (int)(word >> 19) ? packet : packet with { Problem = PacketProblem.BadCrc5 };
            }
            case UsbPidKind.Data:
            {
                if (cut) return packet with { Problem = PacketProblem.CutBySnapLength, Payload = bytes[1..Math.Max(1, span.Length)] };
                packet = packet with { Payload = bytes[1..(length - 2)] };
                var crc = BinaryPrimitives.ReadUInt16LittleEndian(span[(length - 2)..]);
                return UsbCrc.Crc16(span[1..(length - 2)]) == crc ? packet : packet with { Problem = PacketProblem.BadCrc16 };
            }
            default:
                return packet;
        }
    }
}

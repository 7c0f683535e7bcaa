namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Turns the records of a link type 288 (293, 294, 295) capture into <see cref="UsbPacket"/>s, one at a time.
/// A packet that does not decode (bad PID check nibble, reserved PID, a length its PID forbids, an empty record) is
/// bus noise an analyser records and is counted, with a warning naming the first one's byte offset; but when at
/// least half of the first <see cref="ProbePackets"/> records fail to decode, the file is not a capture of USB
/// packets and is refused at the first bad one's offset.
/// </summary>
internal sealed class UsbPacketReader(string source, CaptureReadLog log)
{
    /// <summary>Records whose decoding decides whether the file holds USB packets at all.</summary>
    public const int ProbePackets = 64;

    private readonly long[] _undecodable = new long[Enum.GetValues<PacketProblem>().Length];
    private long _seen;
    private long _undecodableInProbe;
    private UsbPacket? _firstUndecodable;
    private bool _probed;

    public UsbPacket Decode(in CapturedFrame frame)
    {
        var packet = UsbPacketDecoder.Decode(frame.Data, frame.OriginalLength, frame.FileOffset, frame.TimestampNs, frame.InterfaceId, frame.LinkType);
        _seen++;
        if (!packet.IsDecodable)
        {
            _undecodable[(int)packet.Problem]++;
            _firstUndecodable ??= packet;
            if (!_probed) _undecodableInProbe++;
        }
        if (!_probed && _seen == ProbePackets) Probe();
        return packet;
    }

    /// <summary>At the end of the read: refuses a short file of noise, warns of the undecodable packets counted.</summary>
    public void Finish()
    {
        if (!_probed) Probe();
        if (_firstUndecodable is not { } first) return;
        var kinds = string.Join(", ", Enum.GetValues<PacketProblem>().Where(p => _undecodable[(int)p] > 0).Select(p => $"{PacketProblems.Name(p)} × {_undecodable[(int)p]}"));
        log.Warn($"{_undecodable.Sum()} of {_seen} packets do not decode and are counted as malformed ({kinds}); the first, at byte {first.FileOffset}: {Describe(first)}");
    }

    private void Probe()
    {
        _probed = true;
        if (_seen > 0 && _undecodableInProbe * 2 >= _seen && _firstUndecodable is { } first)
        {
            throw CaptureFormatException.AtByte(source, first.FileOffset,
                $"{Describe(first)}; {_undecodableInProbe} of the first {_seen} records of link type {LinkTypes.Describe(first.LinkType)} are not USB 2.0 packets, so this is no capture of them");
        }
    }

    /// <summary>What is wrong with an undecodable packet and what is allowed, in words.</summary>
    internal static string Describe(UsbPacket p) => p.Problem switch
    {
        PacketProblem.Empty => "the packet record is empty; a USB packet has at least its PID byte",
        PacketProblem.BadPidCheck => $"PID byte 0x{p.PidByte:X2} fails its check (the high 4 bits must be the low 4 inverted, as in 0x69 for IN)",
        PacketProblem.ReservedPid => $"PID byte 0x{p.PidByte:X2} is PID 0000, which USB 2.0 reserves; allowed: the 15 PIDs of USB 2.0 Table 8-1",
        PacketProblem.WrongLength => $"{UsbPids.Name(p.Pid)} packet of {p.Length} bytes; allowed: {AllowedLength(p.Kind)}",
        _ => PacketProblems.Name(p.Problem),
    };

    private static string AllowedLength(UsbPidKind kind) => kind switch
    {
        UsbPidKind.Token or UsbPidKind.StartOfFrame => "3 bytes (PID, 11 bits of fields, CRC5)",
        UsbPidKind.Split => "4 bytes (PID, 19 bits of fields, CRC5)",
        UsbPidKind.Data => $"3 to {UsbPacketDecoder.MaxDataPacketBytes} bytes (PID, up to 1,024 bytes of payload, CRC16)",
        _ => "1 byte (the PID alone)",
    };
}

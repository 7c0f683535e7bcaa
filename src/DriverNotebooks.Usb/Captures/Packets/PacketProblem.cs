namespace DriverNotebooks.Usb.Captures;

/// <summary>What is wrong with a captured USB 2.0 packet, if anything. Bus noise and bad cables produce all of these.</summary>
public enum PacketProblem
{
    /// <summary>A well-formed packet whose CRC checks.</summary>
    None,

    /// <summary>The record holds no byte.</summary>
    Empty,

    /// <summary>The PID byte's high nibble is not its low nibble inverted.</summary>
    BadPidCheck,

    /// <summary>PID 0000, which USB 2.0 reserves.</summary>
    ReservedPid,

    /// <summary>A length the PID does not allow (a token is 3 bytes, a SPLIT 4, a handshake 1, a data packet 3 to 1027).</summary>
    WrongLength,

    /// <summary>The capture kept fewer bytes than the packet had (snapshot length): its CRC cannot be checked.</summary>
    CutBySnapLength,

    /// <summary>A token's, SOF's or SPLIT's CRC5 does not match its fields.</summary>
    BadCrc5,

    /// <summary>A data packet's CRC16 does not match its payload.</summary>
    BadCrc16,
}

/// <summary>Words for the problems.</summary>
public static class PacketProblems
{
    /// <summary>True when the packet is not a USB packet at all (no known PID, or a length its PID forbids); CRC errors and cut packets do not count.</summary>
    public static bool IsUndecodable(PacketProblem p) => p is PacketProblem.Empty or PacketProblem.BadPidCheck or PacketProblem.ReservedPid or PacketProblem.WrongLength;

    /// <summary><c>bad-pid-check</c>: the name in JSON and cards.</summary>
    public static string Name(PacketProblem p) => p switch
    {
        PacketProblem.Empty => "empty",
        PacketProblem.BadPidCheck => "bad-pid-check",
        PacketProblem.ReservedPid => "reserved-pid",
        PacketProblem.WrongLength => "wrong-length",
        PacketProblem.CutBySnapLength => "cut-by-snaplen",
        PacketProblem.BadCrc5 => "bad-crc5",
        PacketProblem.BadCrc16 => "bad-crc16",
        _ => "none",
    };
}

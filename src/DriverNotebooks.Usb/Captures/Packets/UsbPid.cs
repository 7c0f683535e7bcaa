namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The 4-bit packet identifier of a USB 2.0 packet (USB 2.0 §8.3.1, Table 8-1): the low nibble of the packet's
/// first byte, whose high nibble repeats it inverted as a check [C-USB2].
/// </summary>
public enum UsbPid : byte
{
    /// <summary>0000: reserved, never sent.</summary>
    Reserved = 0x0,

    /// <summary>Token: host to device.</summary>
    Out = 0x1,

    /// <summary>Handshake: the receiver took the data.</summary>
    Ack = 0x2,

    /// <summary>Data packet, even toggle.</summary>
    Data0 = 0x3,

    /// <summary>Special (high speed): may the host send OUT data? Answered by ACK or NAK.</summary>
    Ping = 0x4,

    /// <summary>Token: start of (micro)frame, carrying the 11-bit frame number.</summary>
    Sof = 0x5,

    /// <summary>Handshake (high speed): data taken, no room for more yet; or a complete split not ready.</summary>
    Nyet = 0x6,

    /// <summary>Data packet of a high-bandwidth isochronous transfer.</summary>
    Data2 = 0x7,

    /// <summary>Special (high speed): split transaction token to a hub's transaction translator.</summary>
    Split = 0x8,

    /// <summary>Token: device to host.</summary>
    In = 0x9,

    /// <summary>Handshake: no data to send (IN) or no room for it (OUT, PING).</summary>
    Nak = 0xA,

    /// <summary>Data packet, odd toggle.</summary>
    Data1 = 0xB,

    /// <summary>Special: PRE (a low-speed preamble, full speed) or ERR (a split transaction's error handshake).</summary>
    PreErr = 0xC,

    /// <summary>Token: host to device, a control transfer's setup stage.</summary>
    Setup = 0xD,

    /// <summary>Handshake: the endpoint is halted or the request is not supported.</summary>
    Stall = 0xE,

    /// <summary>Data packet of a split or high-bandwidth isochronous transfer.</summary>
    MData = 0xF,
}

/// <summary>How a PID's packet is laid out and what it does in a transaction.</summary>
public enum UsbPidKind
{
    /// <summary>OUT, IN, SETUP, PING: 3 bytes (PID, address and endpoint with CRC5).</summary>
    Token,

    /// <summary>SOF: 3 bytes (PID, frame number with CRC5).</summary>
    StartOfFrame,

    /// <summary>SPLIT: 4 bytes (PID, hub, port, type with CRC5).</summary>
    Split,

    /// <summary>DATA0/1/2, MDATA: PID, 0 to 1024 bytes of payload, CRC16.</summary>
    Data,

    /// <summary>ACK, NAK, STALL, NYET, ERR: the PID alone.</summary>
    Handshake,

    /// <summary>PRE: the PID alone, before a low-speed packet.</summary>
    Preamble,

    /// <summary>The reserved PID.</summary>
    Reserved,
}

/// <summary>Names and layouts of the PIDs.</summary>
public static class UsbPids
{
    /// <summary>The packet's layout and role.</summary>
    public static UsbPidKind KindOf(UsbPid pid) => pid switch
    {
        UsbPid.Out or UsbPid.In or UsbPid.Setup or UsbPid.Ping => UsbPidKind.Token,
        UsbPid.Sof => UsbPidKind.StartOfFrame,
        UsbPid.Split => UsbPidKind.Split,
        UsbPid.Data0 or UsbPid.Data1 or UsbPid.Data2 or UsbPid.MData => UsbPidKind.Data,
        UsbPid.Ack or UsbPid.Nak or UsbPid.Stall or UsbPid.Nyet => UsbPidKind.Handshake,
        UsbPid.PreErr => UsbPidKind.Preamble,
        _ => UsbPidKind.Reserved,
    };

    /// <summary>The byte that carries <paramref name="pid"/> on the wire: the PID and its inverted check nibble (IN is 0x69).</summary>
    public static byte ByteOf(UsbPid pid) => (byte)((byte)pid | ((~(byte)pid & 0xF) << 4));

    /// <summary><c>IN</c>, <c>DATA1</c>, <c>PRE/ERR</c>.</summary>
    public static string Name(UsbPid pid) => pid switch
    {
        UsbPid.MData => "MDATA",
        UsbPid.PreErr => "PRE/ERR",
        _ => pid.ToString().ToUpperInvariant(),
    };
}

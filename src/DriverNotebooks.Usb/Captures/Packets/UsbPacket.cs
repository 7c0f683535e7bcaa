namespace DriverNotebooks.Usb.Captures;

/// <summary>The fields of a SPLIT token (USB 2.0 §8.4.2) [C-USB2].</summary>
/// <param name="HubAddress">The hub whose transaction translator is addressed.</param>
/// <param name="Complete">SC: true for a complete split (CSPLIT), false for a start split (SSPLIT).</param>
/// <param name="Port">The hub's downstream port of the full- or low-speed device.</param>
/// <param name="EndpointType">ET: 0 control, 1 isochronous, 2 bulk, 3 interrupt.</param>
public readonly record struct SplitToken(int HubAddress, bool Complete, int Port, int EndpointType)
{
    /// <summary>The endpoint type the split names.</summary>
    public TransferType TransferType => EndpointType switch
    {
        0 => TransferType.Control,
        1 => TransferType.Isochronous,
        2 => TransferType.Bulk,
        _ => TransferType.Interrupt,
    };
}

/// <summary>
/// One USB 2.0 packet of a link type 288 (293, 294, 295) capture, decoded (<see cref="UsbPacketDecoder"/>).
/// </summary>
/// <param name="FileOffset">Byte offset of its record (pcap) or block (pcapng).</param>
/// <param name="TimestampNs">Nanoseconds since the Unix epoch, as the analyser stamped it.</param>
/// <param name="Bus">The pcapng interface it was captured on (0 for pcap): each is one analyser's link.</param>
/// <param name="LinkType">Its interface's link type (288, 293, 294 or 295).</param>
/// <param name="PidByte">The first byte as captured (0 when the record is empty).</param>
/// <param name="Pid">The PID (the PID byte's low nibble); meaningful unless <see cref="Problem"/> makes the packet undecodable.</param>
/// <param name="Problem">What is wrong with it, if anything.</param>
/// <param name="Length">Bytes on the wire from PID to CRC (the record's original length).</param>
/// <param name="Address">Token: the device address (0–127); -1 otherwise.</param>
/// <param name="Endpoint">Token: the endpoint number (0–15); -1 otherwise.</param>
/// <param name="FrameNumber">SOF: the 11-bit frame number; -1 otherwise.</param>
/// <param name="Split">SPLIT: its fields.</param>
/// <param name="Payload">Data packet: the payload between PID and CRC16 (empty otherwise). Lives in the reader's buffer: valid until the next packet.</param>
public readonly record struct UsbPacket(
    long FileOffset,
    long TimestampNs,
    int Bus,
    int LinkType,
    byte PidByte,
    UsbPid Pid,
    PacketProblem Problem,
    int Length,
    int Address,
    int Endpoint,
    int FrameNumber,
    SplitToken? Split,
    ReadOnlyMemory<byte> Payload)
{
    /// <summary>The PID's layout and role.</summary>
    public UsbPidKind Kind => UsbPids.KindOf(Pid);

    /// <summary>False when the packet is not a USB packet at all (see <see cref="PacketProblems.IsUndecodable"/>).</summary>
    public bool IsDecodable => !PacketProblems.IsUndecodable(Problem);

    /// <summary>Payload bytes of a data packet: the wire length less PID and CRC16 (counted even when the capture cut it short).</summary>
    public int PayloadLength => Kind == UsbPidKind.Data && IsDecodable ? Math.Max(0, Length - 3) : 0;
}

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// One record of a pcap or pcapng file: where it starts, its interface's link type, its timestamp and its bytes.
/// </summary>
/// <param name="FileOffset">Byte offset of the record (pcap) or block (pcapng) in the file.</param>
/// <param name="LinkType">The link type of the record's interface.</param>
/// <param name="InterfaceId">pcapng interface number; 0 for pcap.</param>
/// <param name="TimestampNs">Nanoseconds since the Unix epoch.</param>
/// <param name="OriginalLength">The length on the wire, before any snap length cut it.</param>
/// <param name="Data">The captured bytes. They live in the reader's buffer: valid until the next frame is read.</param>
/// <param name="BigEndian">The file's byte order; usbmon headers in the record are in this order.</param>
public readonly record struct CapturedFrame(
    long FileOffset, int LinkType, int InterfaceId, long TimestampNs, long OriginalLength, ReadOnlyMemory<byte> Data, bool BigEndian);

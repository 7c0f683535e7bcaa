namespace DriverNotebooks.Usb.Captures;

/// <summary>Where a record came from: Linux usbmon (binary or text) or Windows USBPcap.</summary>
public enum CaptureFlavor
{
    /// <summary>Linux usbmon: URB id, submit/complete/error, errno status.</summary>
    Usbmon,

    /// <summary>Windows USBPcap: IRP id, direction of the IRP, USBD_STATUS.</summary>
    UsbPcap,
}

/// <summary>usbmon's event type: a URB submitted ('S'), completed ('C') or failed at submission ('E'). USBPcap's IRPs are submits (FDO→PDO) or completions (PDO→FDO).</summary>
public enum UrbEvent
{
    Submit,
    Complete,
    SubmitError,
}

/// <summary>A control transfer's 8-byte SETUP packet.</summary>
public readonly record struct SetupPacket(byte RequestType, byte Request, ushort Value, ushort Index, ushort Length)
{
    /// <summary>bRequest 6 with a device-to-host request type: a GET_DESCRIPTOR.</summary>
    public bool IsGetDescriptor => Request == 6 && (RequestType & 0x80) != 0;

    public static SetupPacket Parse(ReadOnlySpan<byte> bytes) => new(
        bytes[0], bytes[1],
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]));
}

/// <summary>
/// One usbmon or USBPcap record as the file holds it, before submits and completions are paired.
/// </summary>
/// <param name="FileOffset">Byte offset of the record in the file (line number for usbmon text).</param>
/// <param name="TimestampNs">Nanoseconds since the Unix epoch (the pcap record's time; usbmon text: microseconds since an arbitrary start).</param>
/// <param name="Flavor">usbmon or USBPcap.</param>
/// <param name="RequestId">usbmon URB id or USBPcap IRP id: the key that pairs a submit with its completion.</param>
/// <param name="Event">Submit, complete or submission error.</param>
/// <param name="Bus">Bus number (usbmon busnum; USBPcap root hub number).</param>
/// <param name="Device">Device address on the bus.</param>
/// <param name="EndpointAddress">Endpoint number with bit 7 set for IN.</param>
/// <param name="TransferTypeCode">0 isochronous, 1 interrupt, 2 control, 3 bulk (both formats); USBPcap also 0xFE (IRP info) and 0xFF (unknown).</param>
/// <param name="Status">usbmon: the URB status, a negative errno or 0 (-115, -EINPROGRESS, on submits). USBPcap: the USBD_STATUS, as its 32 bits.</param>
/// <param name="Length">usbmon <c>length</c>: the buffer length on a submit, the bytes moved on a completion. USBPcap: <c>dataLength</c>, the bytes that follow the header.</param>
/// <param name="CapturedLength">Bytes of data in the record (usbmon <c>len_cap</c>; USBPcap <c>dataLength</c>; text: the data words printed).</param>
/// <param name="Function">USBPcap URB function code; 0 for usbmon.</param>
/// <param name="ControlStage">USBPcap control stage (0 setup, 1 data, 2 status, 3 complete); -1 otherwise.</param>
/// <param name="Setup">The SETUP packet of a control submit, when the record carries one.</param>
/// <param name="Data">The record's data bytes. For binary captures they live in the reader's buffer: valid until the next record.</param>
public readonly record struct UsbRecord(
    long FileOffset,
    long TimestampNs,
    CaptureFlavor Flavor,
    ulong RequestId,
    UrbEvent Event,
    int Bus,
    int Device,
    byte EndpointAddress,
    byte TransferTypeCode,
    int Status,
    long Length,
    long CapturedLength,
    ushort Function,
    int ControlStage,
    SetupPacket? Setup,
    ReadOnlyMemory<byte> Data)
{
    /// <summary>bEndpointAddress bit 7: device to host.</summary>
    public bool IsIn => (EndpointAddress & 0x80) != 0;

    /// <summary>The transfer type, when the code is one of the four.</summary>
    public TransferType? TransferType => TransferTypeOf(TransferTypeCode);

    /// <summary>0 isochronous, 1 interrupt, 2 control, 3 bulk; null for any other code.</summary>
    public static TransferType? TransferTypeOf(byte code) => code switch
    {
        0 => Usb.TransferType.Isochronous,
        1 => Usb.TransferType.Interrupt,
        2 => Usb.TransferType.Control,
        3 => Usb.TransferType.Bulk,
        _ => null,
    };

    /// <summary>The code of <paramref name="type"/>, as <see cref="TransferTypeOf"/> reads it.</summary>
    public static byte CodeOf(TransferType type) => type switch
    {
        Usb.TransferType.Isochronous => 0,
        Usb.TransferType.Interrupt => 1,
        Usb.TransferType.Control => 2,
        _ => 3,
    };

    /// <summary>The status by name: <c>-EPROTO</c>, <c>USBD_STATUS_STALL_PID</c>, <c>0</c> for success.</summary>
    public string StatusName => Flavor == CaptureFlavor.Usbmon ? UsbmonStatusNames.Name(Status) : UsbdStatusNames.Name(unchecked((uint)Status));

    /// <summary>True when the status reports a failure (usbmon: negative, except -EINPROGRESS on a submit; USBPcap: the top two bits say error).</summary>
    public bool IsError => Flavor == CaptureFlavor.Usbmon
        ? Status < 0 && !(Event == UrbEvent.Submit && Status == UsbmonStatusNames.InProgress)
        : UsbdStatusNames.IsError(unchecked((uint)Status));
}

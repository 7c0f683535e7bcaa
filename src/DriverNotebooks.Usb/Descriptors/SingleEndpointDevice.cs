using System.Buffers.Binary;

namespace DriverNotebooks.Usb;

/// <summary>
/// The descriptors of a device whose one interface has one endpoint, as the device would send them to GET_DESCRIPTOR
/// (USB 2.0 §9.6.1 device, §9.6.3 configuration, §9.6.5 interface, §9.6.6 endpoint; USB 3.2 §9.6.7 SuperSpeed endpoint
/// companion [S28a] [S28b]): what a simulated capture carries so that reading it back finds the endpoint it simulated.
/// Vendor and product are FFFF:0001 (no real vendor); the class is vendor-specific (FFh).
/// </summary>
public static class SingleEndpointDevice
{
    /// <summary>The 18-byte device descriptor. bcdUSB and bMaxPacketSize0 follow the speed: 1.10/8 at low speed, 1.10/64 at full,
    /// 2.00/64 at high, 3.20/9 (2⁹ = 512) at SuperSpeed and SuperSpeedPlus.</summary>
    public static byte[] DeviceDescriptor(UsbSpeed speed)
    {
        var d = new byte[18];
        d[0] = 18;
        d[1] = DescriptorBlobReader.DeviceType;
        var (bcd, ep0) = speed switch
        {
            UsbSpeed.Low => (0x0110, 8),
            UsbSpeed.Full => (0x0110, 64),
            UsbSpeed.High => (0x0200, 64),
            _ => (0x0320, 9),
        };
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(2), (ushort)bcd);
        d[4] = 0xFF;
        d[7] = (byte)ep0;
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(8), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(10), 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(12), 0x0100);
        d[17] = 1;
        return d;
    }

    /// <summary>
    /// Configuration 1 with interface 0, alternate setting 0, holding <paramref name="endpoint"/> at endpoint number 1
    /// (0x81 IN, 0x01 OUT), with its SuperSpeed companion at SuperSpeed.
    /// </summary>
    public static byte[] ConfigurationDescriptor(EndpointDescriptor endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var superSpeed = UsbBus.IsSuperSpeed(endpoint.Speed);
        var bytes = new List<byte>();
        // Configuration: wTotalLength filled in at the end, one interface, value 1, bus-powered, 100 mA.
        bytes.AddRange([9, DescriptorBlobReader.ConfigurationType, 0, 0, 1, 1, 0, 0x80, 50]);
        // Interface 0, alternate setting 0, one endpoint, vendor-specific class.
        bytes.AddRange([9, 4, 0, 0, 1, 0xFF, 0, 0, 0]);
        var wMaxPacketSize = endpoint.MaxPacketSize;
        if (endpoint.Speed == UsbSpeed.High && EndpointRules.IsPeriodic(endpoint.Type)) wMaxPacketSize |= (endpoint.Mult - 1) << 11;
        bytes.AddRange([7, 5, Address(endpoint), (byte)AttributesOf(endpoint.Type), (byte)wMaxPacketSize, (byte)(wMaxPacketSize >> 8), (byte)endpoint.Interval]);
        if (superSpeed)
        {
            var attributes = endpoint.Type == TransferType.Isochronous ? endpoint.Mult - 1 : 0;
            var perInterval = EndpointRules.IsPeriodic(endpoint.Type)
                ? endpoint.BytesPerInterval ?? endpoint.MaxPacketSize * endpoint.Burst * endpoint.Mult
                : 0;
            bytes.AddRange([6, 0x30, (byte)(endpoint.Burst - 1), (byte)attributes, (byte)perInterval, (byte)(perInterval >> 8)]);
        }
        var result = bytes.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(2), (ushort)result.Length);
        return result;
    }

    /// <summary>bEndpointAddress of the one endpoint: number 1, bit 7 set for IN.</summary>
    public static byte Address(EndpointDescriptor endpoint) => endpoint.Direction == TransferDirection.In ? (byte)0x81 : (byte)0x01;

    /// <summary>bmAttributes bits 1..0 (USB 2.0 Table 9-13): 0 control, 1 isochronous, 2 bulk, 3 interrupt.</summary>
    private static int AttributesOf(TransferType type) => type switch
    {
        TransferType.Control => 0,
        TransferType.Isochronous => 1,
        TransferType.Bulk => 2,
        _ => 3,
    };
}

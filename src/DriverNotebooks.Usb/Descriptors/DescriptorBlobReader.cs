using System.Buffers.Binary;

namespace DriverNotebooks.Usb;

/// <summary>
/// Reads raw descriptors: the Linux sysfs <c>descriptors</c> file (an 18-byte device descriptor, then each configuration
/// with everything its wTotalLength covers), or configuration descriptors alone as a GET_DESCRIPTOR(CONFIGURATION) response
/// carries them. Errors name the byte offset. USB 2.0 §9.6 [S28a], USB 3.2 §9.6.7–9.6.8 [S28b], sysfs layout [S28e].
/// </summary>
public static class DescriptorBlobReader
{
    /// <summary>Device descriptor type (1).</summary>
    public const byte DeviceType = 1;
    /// <summary>Configuration descriptor type (2).</summary>
    public const byte ConfigurationType = 2;
    /// <summary>Interface descriptor type (4).</summary>
    public const byte InterfaceType = 4;
    /// <summary>Endpoint descriptor type (5).</summary>
    public const byte EndpointType = 5;
    /// <summary>SuperSpeed endpoint companion descriptor type (48).</summary>
    public const byte SuperSpeedCompanionType = 0x30;
    /// <summary>SuperSpeedPlus isochronous endpoint companion descriptor type (49).</summary>
    public const byte SuperSpeedPlusIsochronousCompanionType = 0x31;

    /// <summary>The most a device's descriptors can take: 18 + 255 configurations × 65,535 bytes.</summary>
    public const int MaxBytes = 18 + 255 * 65_535;

    /// <summary>
    /// Reads a device: a device descriptor followed by its configurations (sysfs <c>descriptors</c>), or configurations
    /// alone (then the device's identity is unknown, 0000:0000). <paramref name="baseOffset"/> is added to reported offsets.
    /// </summary>
    /// <exception cref="DescriptorDumpException">Truncated data, a bLength of 0 or too short for its type, a descriptor running
    /// past its configuration, or a wTotalLength that disagrees with the bytes.</exception>
    public static DescriptorDump Read(ReadOnlySpan<byte> data, string source, UsbSpeed? speed = null, long baseOffset = 0)
    {
        var device = new DeviceBuilder();
        var offset = 0;
        if (data.Length == 0) throw new DescriptorDumpException(source, "", "empty: no descriptors");
        if (data.Length >= 2 && data[1] == DeviceType)
        {
            if (data[0] != 18)
                throw Error(source, baseOffset, 0, $"device descriptor bLength {data[0]} (a device descriptor is 18 bytes)");
            if (data.Length < 18)
                throw Error(source, baseOffset, data.Length, $"truncated: the device descriptor needs 18 bytes, the data ends after {data.Length}");
            device.SawDeviceDescriptor = true;
            device.BcdUsb = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            device.MaxPacketSize0 = data[7];
            device.DeviceClass = data[4];
            device.DeviceProtocol = data[6];
            device.VendorId = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
            device.ProductId = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
            offset = 18;
        }
        if (offset == data.Length && !device.SawDeviceDescriptor)
            throw new DescriptorDumpException(source, "", "no descriptors");
        while (offset < data.Length)
        {
            offset = ReadConfiguration(data, offset, device, source, baseOffset);
        }
        return new DescriptorDump(source, DescriptorFormat.Binary, [device.Build(source, speed)]);
    }

    /// <summary>Reads one configuration starting at <paramref name="offset"/>; returns the offset after it.</summary>
    private static int ReadConfiguration(ReadOnlySpan<byte> data, int offset, DeviceBuilder device, string source, long baseOffset)
    {
        var (length, type) = Header(data, offset, data.Length, source, baseOffset, "configuration");
        if (type != ConfigurationType)
            throw Error(source, baseOffset, offset, $"descriptor type {type} where a configuration descriptor (type 2) must start"
                + (device.Configurations.Count > 0 ? "; the previous configuration's wTotalLength ends too early" : ""));
        if (length < 9) throw Error(source, baseOffset, offset, $"configuration descriptor bLength {length} (at least 9)");
        if (offset + 9 > data.Length) throw Error(source, baseOffset, data.Length, "truncated inside a configuration descriptor");
        int total = BinaryPrimitives.ReadUInt16LittleEndian(data[(offset + 2)..]);
        if (total < length)
            throw Error(source, baseOffset, offset + 2, $"configuration wTotalLength {total} is shorter than the configuration descriptor itself ({length} bytes)");
        var end = offset + total;
        if (end > data.Length)
            throw Error(source, baseOffset, offset + 2, $"configuration wTotalLength {total} runs past the end of the data ({data.Length - offset} bytes left)");
        var configuration = new ConfigurationBuilder(data[offset + 5]);
        device.Configurations.Add(configuration);

        var at = offset + length;
        while (at < end)
        {
            var (len, kind) = Header(data, at, end, source, baseOffset, "descriptor");
            if (at + len > end)
                throw Error(source, baseOffset, at, $"descriptor type {kind} with bLength {len} runs past the end of its configuration (wTotalLength {total} ends at byte {baseOffset + end})");
            var d = data.Slice(at, len);
            switch (kind)
            {
                case InterfaceType:
                    if (len < 9) throw Error(source, baseOffset, at, $"interface descriptor bLength {len} (at least 9)");
                    configuration.Interfaces.Add(new InterfaceBuilder
                    {
                        Number = d[2], AlternateSetting = d[3], Class = d[5], SubClass = d[6], Protocol = d[7],
                    });
                    break;
                case EndpointType:
                    if (len < 7) throw Error(source, baseOffset, at, $"endpoint descriptor bLength {len} (at least 7)");
                    var owner = configuration.Interfaces.Count > 0 ? configuration.Interfaces[^1]
                        : throw Error(source, baseOffset, at, "endpoint descriptor before any interface descriptor");
                    owner.Endpoints.Add(new EndpointBuilder($"byte {baseOffset + at}")
                    {
                        Address = d[2], Attributes = d[3], WMaxPacketSize = BinaryPrimitives.ReadUInt16LittleEndian(d[4..]), BInterval = d[6],
                    });
                    break;
                case SuperSpeedCompanionType:
                    if (len < 6) throw Error(source, baseOffset, at, $"SuperSpeed endpoint companion bLength {len} (6)");
                    var endpoint = device.CurrentEndpoint ?? throw Error(source, baseOffset, at, "SuperSpeed endpoint companion without an endpoint before it");
                    endpoint.HasCompanion = true;
                    endpoint.MaxBurst = d[2];
                    endpoint.CompanionAttributes = d[3];
                    endpoint.BytesPerInterval = BinaryPrimitives.ReadUInt16LittleEndian(d[4..]);
                    break;
                case SuperSpeedPlusIsochronousCompanionType:
                    if (len < 8) throw Error(source, baseOffset, at, $"SuperSpeedPlus isochronous companion bLength {len} (8)");
                    var iso = device.CurrentEndpoint ?? throw Error(source, baseOffset, at, "SuperSpeedPlus isochronous companion without an endpoint before it");
                    iso.SuperSpeedPlusBytesPerInterval = BinaryPrimitives.ReadUInt32LittleEndian(d[4..]);
                    break;
            }
            at += len;
        }
        return end;
    }

    private static (int Length, byte Type) Header(ReadOnlySpan<byte> data, int at, int end, string source, long baseOffset, string what)
    {
        if (at + 2 > end)
            throw Error(source, baseOffset, at, end == data.Length ? $"truncated: a {what} header needs 2 bytes, {end - at} left" : $"1 byte left in the configuration where a descriptor header needs 2");
        int length = data[at];
        if (length < 2) throw Error(source, baseOffset, at, $"descriptor bLength {length} (a descriptor is at least 2 bytes: bLength and bDescriptorType)");
        return (length, data[at + 1]);
    }

    private static DescriptorDumpException Error(string source, long baseOffset, long at, string problem) =>
        new(source, $"byte {baseOffset + at}", problem);
}

using System.Buffers.Binary;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The descriptors a capture carries: a device's GET_DESCRIPTOR(DEVICE) and GET_DESCRIPTOR(CONFIGURATION) responses,
/// put back in the order the Linux sysfs <c>descriptors</c> file has them and read by <see cref="DescriptorBlobReader"/>,
/// so a capture that saw its device enumerate needs no separate descriptor dump.
/// </summary>
public static class CaptureDescriptors
{
    /// <summary>
    /// The device at <paramref name="bus"/>:<paramref name="device"/> as its captured responses describe it; null when the
    /// capture holds no complete configuration for it (a response cut short by the snapshot length or by wLength does not count).
    /// The last complete response of each kind wins. <paramref name="speed"/> overrides the speed, which a capture does not
    /// state (it is inferred from bcdUSB, companions and packet sizes).
    /// </summary>
    /// <exception cref="DescriptorDumpException">A complete response that is malformed.</exception>
    public static DumpedDevice? For(CaptureReport report, int bus, int device, UsbSpeed? speed = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var responses = report.Descriptors.Where(d => d.Bus == bus && d.Device == device).ToList();
        var configurations = responses
            .Where(r => r.DescriptorType == DescriptorBlobReader.ConfigurationType && r.Bytes.Length >= 4
                        && r.Bytes.Length >= BinaryPrimitives.ReadUInt16LittleEndian(r.Bytes.AsSpan(2)))
            .GroupBy(r => r.DescriptorIndex)
            .OrderBy(g => g.Key)
            .Select(g => g.Last())
            .ToList();
        if (configurations.Count == 0) return null;
        var deviceDescriptor = responses.LastOrDefault(r => r.DescriptorType == DescriptorBlobReader.DeviceType && r.Bytes.Length >= 18);

        var bytes = new List<byte>();
        if (deviceDescriptor is not null) bytes.AddRange(deviceDescriptor.Bytes.AsSpan(0, 18).ToArray());
        foreach (var c in configurations)
            bytes.AddRange(c.Bytes.AsSpan(0, BinaryPrimitives.ReadUInt16LittleEndian(c.Bytes.AsSpan(2))).ToArray());
        var dump = DescriptorBlobReader.Read(bytes.ToArray(), $"{report.Source} (GET_DESCRIPTOR responses of {bus}:{device})", speed);
        return dump.Devices[0] with { Bus = bus, Address = device };
    }
}

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

    /// <summary>
    /// The descriptor of the endpoint <paramref name="m"/> measured: from <paramref name="dump"/> when given (matched by
    /// bus:address when the dump names them, else by endpoint address alone), otherwise from the capture's own
    /// GET_DESCRIPTOR responses; <paramref name="speed"/> overrides the speed either states or implies. Endpoint 0, the
    /// default control pipe, has none.
    /// </summary>
    /// <exception cref="DescriptorDumpException">A malformed response, or an endpoint the dump holds on several devices.</exception>
    public static EndpointSource EndpointFor(CaptureReport report, EndpointMeasurement m, DescriptorDump? dump = null, UsbSpeed? speed = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(m);
        if ((m.EndpointAddress & 0x0F) == 0)
            return new EndpointSource(null, "", $"{m.EndpointName} is the default control pipe, which no configuration descriptor lists and the model does not cover");
        DumpedDevice? device;
        string source;
        if (dump is not null)
        {
            var named = dump.Devices.Any(d => d.Bus == m.Bus && d.Address == m.Device) ? $"{m.Bus}:{m.Device}" : null;
            device = EndpointSelection.Find(dump, m.EndpointAddress, null, named).Device;
            source = $"{dump.Source} ({device.Label})";
        }
        else
        {
            device = For(report, m.Bus, m.Device, speed);
            if (device is null)
                return new EndpointSource(null, "", $"the capture holds no complete GET_DESCRIPTOR(CONFIGURATION) response for device {m.DeviceName} (it did not enumerate while captured); give its descriptors with --from");
            source = $"the capture's GET_DESCRIPTOR responses ({device.Id})";
        }
        var endpoint = device.Endpoints.Select(e => e.Endpoint).FirstOrDefault(e => e.Address == m.EndpointAddress);
        if (endpoint is null) return new EndpointSource(null, source, $"device {device.Label} has no endpoint {m.EndpointName} in its descriptors");
        var deviceSpeed = speed ?? device.Speed.Speed;
        source += speed is null ? $"; {UsbNames.Describe(deviceSpeed)}, {device.Speed.How}" : $"; {UsbNames.Describe(deviceSpeed)}, as given";
        return new EndpointSource(endpoint.ToDescriptor(deviceSpeed), source, null);
    }
}

/// <summary>Where a measured endpoint's descriptor came from.</summary>
/// <param name="Descriptor">The endpoint as the model takes it; null when none was found.</param>
/// <param name="Source">Where it came from and how its speed was known, in words.</param>
/// <param name="Missing">Why there is none, in words; null when there is one.</param>
public sealed record EndpointSource(EndpointDescriptor? Descriptor, string Source, string? Missing);

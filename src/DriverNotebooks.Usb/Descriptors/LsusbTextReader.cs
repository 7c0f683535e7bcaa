using System.Text.RegularExpressions;

namespace DriverNotebooks.Usb;

/// <summary>
/// Reads <c>lsusb -v</c> text: one or many devices, each starting at its <c>Bus NNN Device NNN: ID vvvv:pppp</c> line
/// or its <c>Device Descriptor:</c> heading. Descriptor headings select what the indented <c>name value</c> fields
/// describe; class-specific descriptors, hub, BOS, qualifier and status blocks are skipped. The SuperSpeed companion
/// appears either as its own heading (newer usbutils) or as <c>bMaxBurst</c>, <c>MaxStreams</c> and <c>Mult</c> lines
/// inside the endpoint (older usbutils, which print the isochronous Mult field as bmAttributes bits 1..0) [S28d].
/// </summary>
internal static partial class LsusbTextReader
{
    [GeneratedRegex(@"^Bus (\S+) Device (\S+): ID ([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\s*(.*)$")]
    private static partial Regex BusLine();

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9]*)\s+(\S+)")]
    private static partial Regex Field();

    [GeneratedRegex(@"^\s*Negotiated speed:.*\(([\d.]+)\s*Mbps\)", RegexOptions.IgnoreCase)]
    private static partial Regex NegotiatedSpeed();

    public static IReadOnlyList<DeviceBuilder> Read(TextReader reader, string source)
    {
        var devices = new List<DeviceBuilder>();
        DeviceBuilder? device = null;
        var section = DumpSection.None;
        foreach (var (number, line) in TextLines.Read(reader, source))
        {
            var where = $"line {number}";
            if (BusLine().Match(line) is { Success: true } bus)
            {
                device = new DeviceBuilder
                {
                    Bus = int.TryParse(bus.Groups[1].Value, out var b) ? b : null,
                    Address = int.TryParse(bus.Groups[2].Value, out var a) ? a : null,
                    VendorId = Convert.ToInt32(bus.Groups[3].Value, 16),
                    ProductId = Convert.ToInt32(bus.Groups[4].Value, 16),
                    Name = bus.Groups[5].Value.Trim(),
                };
                devices.Add(device);
                section = DumpSection.None;
                continue;
            }
            if (NegotiatedSpeed().Match(line) is { Success: true } negotiated && device is not null)
            {
                device.StatedSpeed = SpeedInference.FromMegabits(negotiated.Groups[1].Value);
                device.StatedHow = $"stated by \"{line.Trim()}\" ({where})";
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.EndsWith(':') && !trimmed[..^1].Contains(':'))
            {
                section = Heading(trimmed[..^1], ref device, devices, source, where);
                continue;
            }
            if (section is DumpSection.None or DumpSection.Other || device is null) continue;
            if (Field().Match(line) is not { Success: true } field) continue;
            Apply(device, section, field.Groups[1].Value, field.Groups[2].Value, source, where);
        }
        return devices;
    }

    private static DumpSection Heading(string name, ref DeviceBuilder? device, List<DeviceBuilder> devices, string source, string where)
    {
        switch (name)
        {
            case "Device Descriptor":
                if (device is null || device.SawDeviceDescriptor)
                {
                    device = new DeviceBuilder();
                    devices.Add(device);
                }
                device.SawDeviceDescriptor = true;
                return DumpSection.Device;
            case "Configuration Descriptor":
                if (device is null) throw new DescriptorDumpException(source, where, "configuration descriptor before any device");
                device.Configurations.Add(new ConfigurationBuilder(0));
                return DumpSection.Configuration;
            case "Interface Descriptor":
                var configuration = device?.CurrentConfiguration ?? throw new DescriptorDumpException(source, where, "interface descriptor outside a configuration");
                configuration.Interfaces.Add(new InterfaceBuilder());
                return DumpSection.Interface;
            case "Endpoint Descriptor":
                var owner = device?.CurrentInterface ?? throw new DescriptorDumpException(source, where, "endpoint descriptor outside an interface");
                owner.Endpoints.Add(new EndpointBuilder(where));
                return DumpSection.Endpoint;
            case "SuperSpeed Endpoint Companion Descriptor":
                var endpoint = device?.CurrentEndpoint ?? throw new DescriptorDumpException(source, where, "SuperSpeed endpoint companion outside an endpoint");
                endpoint.HasCompanion = true;
                return DumpSection.Companion;
            default:
                return DumpSection.Other;
        }
    }

    private static void Apply(DeviceBuilder device, DumpSection section, string name, string value, string source, string where)
    {
        if (StandardFields.TrySet(device, section, name, value, source, where)) return;
        switch (section, name)
        {
            case (DumpSection.Device, "bcdUSB"):
                device.BcdUsb = TextLines.TryBcd(value, out var bcd) ? bcd : throw Bad(source, where, name, value);
                break;
            case (DumpSection.Endpoint or DumpSection.Companion, "bMaxBurst"):
                device.CurrentEndpoint!.HasCompanion = true;
                device.CurrentEndpoint.MaxBurst = Number(source, where, name, value, 255);
                break;
            case (DumpSection.Endpoint or DumpSection.Companion, "MaxStreams"):
                var streams = Number(source, where, name, value, 1 << 16);
                device.CurrentEndpoint!.CompanionAttributes |= streams <= 1 ? 0 : System.Numerics.BitOperations.Log2((uint)streams);
                break;
            case (DumpSection.Endpoint or DumpSection.Companion, "Mult"):
                device.CurrentEndpoint!.CompanionAttributes |= Number(source, where, name, value, 3) & 3;
                break;
            case (DumpSection.Companion, "bmAttributes"):
                device.CurrentEndpoint!.CompanionAttributes = Number(source, where, name, value, 255);
                break;
            case (DumpSection.Endpoint or DumpSection.Companion, "wBytesPerInterval"):
                device.CurrentEndpoint!.BytesPerInterval = Number(source, where, name, value, 0xFFFF);
                break;
        }
    }

    private static int Number(string source, string where, string name, string value, int max) => StandardFields.Number(source, where, name, value, max);

    private static DescriptorDumpException Bad(string source, string where, string name, string value, int max = 0xFFFF) =>
        new(source, where, $"{name} \"{value}\" is not a number from 0 to {max}");
}

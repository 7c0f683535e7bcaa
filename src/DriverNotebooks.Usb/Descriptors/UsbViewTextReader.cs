using System.Text.RegularExpressions;

namespace DriverNotebooks.Usb;

/// <summary>
/// Reads Windows USBView text reports and USB Device Tree Viewer reports: descriptor headings
/// (<c>===>Endpoint Descriptor&lt;===</c>, <c>----- Endpoint Descriptor -----</c>, <c>Endpoint Descriptor:</c>) followed by
/// <c>bField : 0xNN</c> lines (or <c>0xNN  bField</c> lines). The stated speed comes from the "Device Bus Speed" line.
/// Descriptors of the Other Speed Configuration are skipped: they describe the device at the speed it is not running at;
/// so are the endpoint descriptors USBView lists under "Open Pipes" before the configuration, which repeat its own.
/// </summary>
internal static partial class UsbViewTextReader
{
    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9]*)\s*:\s*(0x[0-9A-Fa-f]+|\d+)")]
    private static partial Regex NameFirst();

    [GeneratedRegex(@"^\s*(0x[0-9A-Fa-f]+)\s+([A-Za-z][A-Za-z0-9]*)\b")]
    private static partial Regex ValueFirst();

    [GeneratedRegex(@"bus speed\s*:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BusSpeed();

    public static IReadOnlyList<DeviceBuilder> Read(TextReader reader, string source)
    {
        var devices = new List<DeviceBuilder>();
        DeviceBuilder? device = null;
        (UsbSpeed Speed, string How)? pendingSpeed = null;
        var section = DumpSection.None;
        var otherSpeed = false;
        foreach (var (number, line) in TextLines.Read(reader, source))
        {
            var where = $"line {number}";
            if (BusSpeed().Match(line) is { Success: true } speedLine && SpeedInference.FromWords(speedLine.Groups[1].Value) is { } speed)
            {
                pendingSpeed = (speed, $"stated by \"{line.Trim()}\" ({where})");
                continue;
            }
            if (line.Contains("DevIsOpAtSsPlusOrHigher", StringComparison.Ordinal) && line.Contains(": 1", StringComparison.Ordinal))
            {
                pendingSpeed = (UsbSpeed.SuperPlus, $"stated by \"{line.Trim()}\" ({where})");
                continue;
            }
            if (HeadingName(line) is { } heading)
            {
                section = Heading(heading, ref device, devices, ref pendingSpeed, ref otherSpeed, source, where);
                continue;
            }
            if (section is DumpSection.None or DumpSection.Other || device is null) continue;
            string name, value;
            if (NameFirst().Match(line) is { Success: true } nf) (name, value) = (nf.Groups[1].Value, nf.Groups[2].Value);
            else if (ValueFirst().Match(line) is { Success: true } vf) (name, value) = (vf.Groups[2].Value, vf.Groups[1].Value);
            else continue;
            Apply(device, section, name, value, source, where);
        }
        return devices;
    }

    /// <summary>The descriptor a heading line names ("Endpoint Descriptor"), or null when the line is not a heading.</summary>
    private static string? HeadingName(string line)
    {
        if (!line.Contains("Descriptor", StringComparison.Ordinal) && !line.Contains("Companion", StringComparison.Ordinal)) return null;
        var text = line.Trim().Trim('-', '=', '>', '<', ' ', ':', '\t');
        if (text.Contains(':', StringComparison.Ordinal) || text.Length == 0) return null;
        return text;
    }

    private static DumpSection Heading(string name, ref DeviceBuilder? device, List<DeviceBuilder> devices, ref (UsbSpeed Speed, string How)? pendingSpeed,
        ref bool otherSpeed, string source, string where)
    {
        if (name.StartsWith("Other Speed Configuration", StringComparison.OrdinalIgnoreCase))
        {
            otherSpeed = true;
            return DumpSection.Other;
        }
        switch (name)
        {
            case "Device Descriptor":
                otherSpeed = false;
                if (device is null || device.SawDeviceDescriptor)
                {
                    device = new DeviceBuilder();
                    devices.Add(device);
                }
                device.SawDeviceDescriptor = true;
                if (pendingSpeed is { } s)
                {
                    device.StatedSpeed = s.Speed;
                    device.StatedHow = s.How;
                    pendingSpeed = null;
                }
                return DumpSection.Device;
            case "Configuration Descriptor":
                otherSpeed = false;
                if (device is null) throw new DescriptorDumpException(source, where, "configuration descriptor before any device descriptor");
                device.Configurations.Add(new ConfigurationBuilder(0));
                return DumpSection.Configuration;
            case "Interface Descriptor" when !otherSpeed:
                if (device?.CurrentConfiguration is not { } configuration) return DumpSection.Other;
                configuration.Interfaces.Add(new InterfaceBuilder());
                return DumpSection.Interface;
            // USBView lists the open pipes' endpoint descriptors before the configuration: those repeat the configuration's.
            case "Endpoint Descriptor" when !otherSpeed:
                if (device?.CurrentInterface is not { } owner) return DumpSection.Other;
                owner.Endpoints.Add(new EndpointBuilder(where));
                return DumpSection.Endpoint;
            case "SuperSpeed Endpoint Companion Descriptor" or "SuperSpeed Endpoint Companion" when !otherSpeed:
                var endpoint = device?.CurrentEndpoint ?? throw new DescriptorDumpException(source, where, "SuperSpeed endpoint companion outside an endpoint");
                endpoint.HasCompanion = true;
                return DumpSection.Companion;
            case var n when !otherSpeed && n.StartsWith("SuperSpeedPlus Isochronous Endpoint Companion", StringComparison.Ordinal):
                return device?.CurrentEndpoint is null ? DumpSection.Other : DumpSection.SuperSpeedPlusCompanion;
            default:
                return DumpSection.Other;
        }
    }

    private static void Apply(DeviceBuilder device, DumpSection section, string name, string value, string source, string where)
    {
        if (StandardFields.TrySet(device, section, name, value, source, where)) return;
        switch (section, name)
        {
            case (DumpSection.Device, "bcdUSB"): device.BcdUsb = Number(source, where, name, value, 0xFFFF); break;
            case (DumpSection.Companion, "bMaxBurst"): device.CurrentEndpoint!.MaxBurst = Number(source, where, name, value, 255); break;
            case (DumpSection.Companion, "bmAttributes"): device.CurrentEndpoint!.CompanionAttributes = Number(source, where, name, value, 255); break;
            case (DumpSection.Companion, "wBytesPerInterval"): device.CurrentEndpoint!.BytesPerInterval = Number(source, where, name, value, 0xFFFF); break;
            case (DumpSection.SuperSpeedPlusCompanion, "dwBytesPerInterval"):
                device.CurrentEndpoint!.SuperSpeedPlusBytesPerInterval = TextLines.TryNumber(value, out var d) ? d : throw Bad(source, where, name, value, uint.MaxValue);
                break;
        }
    }

    private static int Number(string source, string where, string name, string value, int max) => StandardFields.Number(source, where, name, value, max);

    private static DescriptorDumpException Bad(string source, string where, string name, string value, long max) =>
        new(source, where, $"{name} \"{value}\" is not a number from 0 to {max}");
}

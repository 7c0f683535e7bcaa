using System.Text.RegularExpressions;

namespace DriverNotebooks.Usb;

/// <summary>
/// Reads <c>usb-devices</c> and <c>/sys/kernel/debug/usb/devices</c> text (Linux drivers/usb/core/devices.c): a <c>T:</c>
/// line per device with <c>Spd=</c> [S28c], then <c>D:</c>, <c>P:</c>, <c>S:</c>, <c>C:</c>, <c>I:</c> and <c>E:</c> lines. The
/// speed is stated; bInterval is recovered from the printed period (<c>Ivl=125us</c>); at high speed the kernel file prints
/// max packet × transactions per microframe, which is split back into the two. The format carries no SuperSpeed companion.
/// </summary>
internal static partial class UsbDevicesTextReader
{
    [GeneratedRegex(@"^\s*T:\s+Bus=\s*(\d+).*?Dev#=\s*(\d+)\s+Spd=\s*(\S+)")]
    private static partial Regex Topology();

    [GeneratedRegex(@"^\s*D:\s+Ver=\s*([0-9a-fA-F]+\.[0-9a-fA-F]+).*?MxPS=\s*(\d+)")]
    private static partial Regex Device();

    [GeneratedRegex(@"^\s*P:\s+Vendor=([0-9a-fA-F]{4})\s+ProdID=([0-9a-fA-F]{4})")]
    private static partial Regex Product();

    [GeneratedRegex(@"^\s*S:\s+Product=(.*)$")]
    private static partial Regex ProductName();

    [GeneratedRegex(@"^\s*C:.*?Cfg#=\s*(\d+)")]
    private static partial Regex Configuration();

    [GeneratedRegex(@"^\s*I:.*?If#=\s*(0x[0-9a-fA-F]+|\d+)\s+Alt=\s*(\d+).*?Cls=([0-9a-fA-F]{2}).*?Sub=([0-9a-fA-F]{2})\s+Prot=([0-9a-fA-F]{2})")]
    private static partial Regex Interface();

    [GeneratedRegex(@"^\s*E:\s+Ad=([0-9a-fA-F]{2})\(.\)\s+Atr=([0-9a-fA-F]{2})\(.*?\)\s+MxPS=\s*(\d+)\s+Ivl=\s*(\d+)(m|u)s")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"^\s*[TDPSCIEAB]:")]
    private static partial Regex AnyRecord();

    public static IReadOnlyList<DeviceBuilder> Read(TextReader reader, string source)
    {
        var devices = new List<DeviceBuilder>();
        DeviceBuilder? device = null;
        foreach (var (number, line) in TextLines.Read(reader, source))
        {
            var where = $"line {number}";
            if (Topology().Match(line) is { Success: true } t)
            {
                device = new DeviceBuilder
                {
                    Bus = int.Parse(t.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Address = int.Parse(t.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    StatedSpeed = SpeedInference.FromMegabits(t.Groups[3].Value),
                    StatedHow = $"stated by Spd={t.Groups[3].Value} ({where})",
                };
                devices.Add(device);
                continue;
            }
            if (!AnyRecord().IsMatch(line)) continue;
            if (device is null) throw new DescriptorDumpException(source, where, "a record before the first T: line");
            if (Device().Match(line) is { Success: true } d)
            {
                device.SawDeviceDescriptor = true;
                device.BcdUsb = TextLines.TryBcd(d.Groups[1].Value, out var bcd) ? bcd : 0;
                device.MaxPacketSize0 = int.Parse(d.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (Product().Match(line) is { Success: true } p)
            {
                device.VendorId = Convert.ToInt32(p.Groups[1].Value, 16);
                device.ProductId = Convert.ToInt32(p.Groups[2].Value, 16);
            }
            else if (ProductName().Match(line) is { Success: true } name)
            {
                device.Name = name.Groups[1].Value.Trim();
            }
            else if (Configuration().Match(line) is { Success: true } c)
            {
                device.Configurations.Add(new ConfigurationBuilder(int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (Interface().Match(line) is { Success: true } i)
            {
                var configuration = device.CurrentConfiguration ?? throw new DescriptorDumpException(source, where, "I: line before any C: line");
                configuration.Interfaces.Add(new InterfaceBuilder
                {
                    Number = TextLines.TryNumber(i.Groups[1].Value, out var n) ? (int)n : 0,
                    AlternateSetting = int.Parse(i.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Class = Convert.ToInt32(i.Groups[3].Value, 16),
                    SubClass = Convert.ToInt32(i.Groups[4].Value, 16),
                    Protocol = Convert.ToInt32(i.Groups[5].Value, 16),
                });
            }
            else if (Endpoint().Match(line) is { Success: true } e)
            {
                var owner = device.CurrentInterface ?? throw new DescriptorDumpException(source, where, "E: line before any I: line");
                var period = long.Parse(e.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) * (e.Groups[5].Value == "m" ? 1000 : 1);
                var maxPacket = int.Parse(e.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (maxPacket > 3 * 1024) throw new DescriptorDumpException(source, where, $"MxPS={maxPacket} is more than 3 × 1024 bytes");
                owner.Endpoints.Add(new EndpointBuilder(where)
                {
                    Address = Convert.ToInt32(e.Groups[1].Value, 16),
                    Attributes = Convert.ToInt32(e.Groups[2].Value, 16),
                    WMaxPacketSize = maxPacket,
                    MaxPacketIncludesMult = true,
                    PeriodMicroseconds = period,
                });
            }
            else if (line.TrimStart().StartsWith("E:", StringComparison.Ordinal) || line.TrimStart().StartsWith("I:", StringComparison.Ordinal))
            {
                throw new DescriptorDumpException(source, where, $"unreadable {line.TrimStart()[..2]} line; expected the layout of Linux usb-devices");
            }
        }
        return devices;
    }
}

using System.Globalization;

namespace DriverNotebooks.Usb;

/// <summary>
/// Picks one endpoint of a dump by address, and when needed by alternate setting and device, for the commands that take
/// their endpoint from a file (<c>--from FILE --endpoint ADDR [--alt N] [--device ID]</c>).
/// </summary>
public static class EndpointSelection
{
    /// <summary>
    /// The endpoint with bEndpointAddress <paramref name="address"/> in the alternate setting <paramref name="alternateSetting"/>
    /// (any, when null and only one holds it) of the device <paramref name="device"/> (<c>vvvv:pppp</c> or <c>BUS:ADDRESS</c>;
    /// any, when null and only one holds it).
    /// </summary>
    /// <exception cref="DescriptorDumpException">No such endpoint, alternate setting or device, or more than one match.</exception>
    public static (DumpedDevice Device, int Configuration, DumpedInterface Interface, DumpedEndpoint Endpoint) Find(
        DescriptorDump dump, int address, int? alternateSetting = null, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(dump);
        var devices = device is null ? dump.Devices : dump.Devices.Where(d => Matches(d, device)).ToList();
        if (devices.Count == 0)
            throw new DescriptorDumpException(dump.Source, "", $"no device {device} in the file; devices: {string.Join(", ", dump.Devices.Select(d => d.Label))}");
        var matches = devices.SelectMany(d => d.Endpoints.Where(x => x.Endpoint.Address == address).Select(x => (Device: d, x.Configuration, x.Interface, x.Endpoint))).ToList();
        if (matches.Count == 0)
        {
            var all = devices.SelectMany(d => d.Endpoints).Select(x => x.Endpoint.AddressText).Distinct().ToList();
            throw new DescriptorDumpException(dump.Source, "", $"endpoint 0x{address:x2} is not in the file; endpoints: {(all.Count == 0 ? "none" : string.Join(", ", all))}");
        }
        var onDevices = matches.Select(m => m.Device).Distinct().ToList();
        if (onDevices.Count > 1)
            throw new DescriptorDumpException(dump.Source, "", $"endpoint 0x{address:x2} is on {onDevices.Count} devices ({string.Join(", ", onDevices.Select(d => d.Label))}); name the device by vvvv:pppp or bus:address");
        if (alternateSetting is { } alt)
        {
            var inAlt = matches.Where(m => m.Interface.AlternateSetting == alt).ToList();
            if (inAlt.Count == 0)
                throw new DescriptorDumpException(dump.Source, "", $"endpoint 0x{address:x2} is not in alternate setting {alt}; it is in alternate settings {Settings(matches)}");
            matches = inAlt;
        }
        if (matches.Count > 1)
            throw new DescriptorDumpException(dump.Source, "", $"endpoint 0x{address:x2} is in alternate settings {Settings(matches)} of interface {matches[0].Interface.Number}; name one");
        var m = matches[0];
        return (m.Device, m.Configuration.Value, m.Interface, m.Endpoint);
    }

    /// <summary>
    /// Parses an endpoint address as bEndpointAddress writes it, <c>0x81</c> (hex) or <c>129</c> (decimal): bit 7 the
    /// direction, bits 3..0 the number, bits 6..4 reserved and zero (USB 2.0 §9.6.6). The one rule behind every
    /// <c>--endpoint</c>: a descriptor dump's and a capture filter's.
    /// </summary>
    /// <exception cref="FormatException">Not such an address.</exception>
    public static int ParseAddress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextLines.TryNumber(text, out var n) && n is >= 0 and <= 0xFF && (n & 0x70) == 0 ? (int)n
            : throw new FormatException("not an endpoint address; allowed: 0x00–0x0f (OUT) or 0x80–0x8f (IN) as written in bEndpointAddress, e.g. 0x81 for EP 1 IN");
    }

    private static bool Matches(DumpedDevice d, string id)
    {
        var parts = id.Split(':');
        if (parts.Length != 2) return false;
        if (parts[0].Length == 4 && parts[1].Length == 4 &&
            int.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var vid) &&
            int.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pid) &&
            d.VendorId == vid && d.ProductId == pid) return true;
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bus) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var address) &&
               d.Bus == bus && d.Address == address;
    }

    private static string Settings(IEnumerable<(DumpedDevice Device, DumpedConfiguration Configuration, DumpedInterface Interface, DumpedEndpoint Endpoint)> matches) =>
        string.Join(", ", matches.Select(m => m.Interface.AlternateSetting).Distinct());
}

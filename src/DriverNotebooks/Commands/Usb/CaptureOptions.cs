using System.Globalization;
using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Commands.Usb;

/// <summary>
/// The options of <c>drivernb usb capture</c> / <c>#!usb-capture</c>, defined once for the CLI, the magic command
/// and the Polyglot directive.
/// </summary>
public static class CaptureOptions
{
    public static readonly ArgumentDefinition File = new("FILE", "A capture: pcap or pcapng of link type 189/220 (Linux usbmon), 249 (USBPcap) or 288/293/294/295 (USB 2.0 packets from a hardware analyser), or usbmon text (/sys/kernel/debug/usb/usbmon/Nu).")
    {
        Required = true,
    };

    public static readonly OptionDefinition Device = new("--device", "Only this device, as BUS:ADDRESS (1:5), as usbmon and Wireshark number them (an analyser's USB 2.0 packets: bus 0, or the pcapng interface).")
    {
        ValueName = "BUS:ADDRESS",
    };

    public static readonly OptionDefinition Endpoint = new("--endpoint", "Only this endpoint: bEndpointAddress such as 0x81 (IN 1) or 0x02 (OUT 2).")
    {
        ValueName = "ADDRESS",
    };

    public static readonly OptionDefinition FromTime = new("--from-time", "Ignore records before this time, counted from the capture's first record (e.g. 1.5s).")
    {
        ValueName = "DURATION",
    };

    public static readonly OptionDefinition ToTime = new("--to-time", "Ignore records after this time, counted from the capture's first record.")
    {
        ValueName = "DURATION",
    };

    public static IReadOnlyList<OptionDefinition> All { get; } = [Device, Endpoint, FromTime, ToTime];

    /// <summary>The filter the options describe.</summary>
    internal static CaptureFilter ParseFilter(CommandArguments arguments)
    {
        var (bus, device) = arguments.Has(Device) ? arguments.Convert(Device, ParseDevice) : (null, null);
        var endpoint = arguments.Has(Endpoint) ? arguments.Convert(Endpoint, EndpointSelection.ParseAddress) : (int?)null;
        var from = arguments.Has(FromTime) ? arguments.Convert(FromTime, ParseTime) : (double?)null;
        var to = arguments.Has(ToTime) ? arguments.Convert(ToTime, ParseTime) : (double?)null;
        if (from is { } f && to is { } t && t < f)
        {
            throw arguments.BadValue(ToTime, arguments.Value(ToTime)!, $"is before --from-time {arguments.Value(FromTime)}; allowed: a time at or after it");
        }
        return new CaptureFilter(bus, device, endpoint, from, to);
    }

    internal static (int? Bus, int? Device) ParseDevice(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bus) || bus > 65535
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var address) || address > 127)
        {
            throw new FormatException("not BUS:ADDRESS; allowed: a bus number 0-65535 and a device address 0-127, such as 1:5");
        }
        return (bus, address);
    }

    private static double ParseTime(string text) =>
        Quantities.TryParseDuration(text, out var duration, out var error)
            ? duration.Seconds
            : throw new FormatException(error ?? "not a duration");
}

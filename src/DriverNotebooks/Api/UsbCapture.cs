using DriverNotebooks.Commands;
using DriverNotebooks.Commands.Usb;

namespace DriverNotebooks;

/// <summary>
/// Captures for notebook code: <c>UsbCapture.Load("bus.pcapng", device: "1:5", endpoint: "0x81")</c> measures a
/// usbmon or USBPcap capture and displays as its card and charts. The magic-command form is <c>#!usb-capture</c>.
/// </summary>
public static class UsbCapture
{
    /// <summary>
    /// Measures the capture at <paramref name="path"/>, optionally one device, one endpoint, a time window (durations such as
    /// "1.5s"), and says what limited each endpoint (<see cref="CaptureView.Verdicts"/>; the charted one in full,
    /// <see cref="CaptureView.Verdict"/>). The descriptors come from the capture's own enumeration, or from the dump at
    /// <paramref name="from"/> (as <c>--from</c>: lsusb -v, usb-devices, USBView text or binary descriptors), with
    /// <paramref name="speed"/> (<c>"high"</c>, as <c>--speed</c>) for a dump that does not state it.
    /// </summary>
    public static CaptureView Load(string path, string? device = null, string? endpoint = null, string? fromTime = null, string? toTime = null,
        string? from = null, string? speed = null)
    {
        var named = new List<KeyValuePair<string, string?>>
        {
            new(CaptureOptions.Device.Name, device),
            new(CaptureOptions.Endpoint.Name, endpoint),
            new(CaptureOptions.FromTime.Name, fromTime),
            new(CaptureOptions.ToTime.Name, toTime),
            new(UsbOptions.From.Name, from),
            new(UsbOptions.DumpSpeed.Name, speed),
        };
        var tokens = new List<string> { path };
        foreach (var (name, value) in named)
        {
            if (value is not null) tokens.Add($"{name}={value}");
        }
        var arguments = CommandLineParser.Parse(CaptureCommands.Capture.Definition, tokens).Arguments!;
        return (CaptureView)CaptureCommands.Capture.Execute(arguments, CancellationToken.None).Value;
    }
}

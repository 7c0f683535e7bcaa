namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Which records a capture report measures. Times are seconds from the capture's first record; a transfer
/// counts when both its submit and its completion fall inside the window (a completion whose submit lies
/// before the window counts as unmatched).
/// </summary>
/// <param name="Bus">Only this bus (with <paramref name="Device"/>).</param>
/// <param name="Device">Only this device address.</param>
/// <param name="EndpointAddress">Only this endpoint (bEndpointAddress, 0x81 for IN endpoint 1).</param>
/// <param name="FromSeconds">Ignore records before this time.</param>
/// <param name="ToSeconds">Ignore records after this time.</param>
public sealed record CaptureFilter(int? Bus = null, int? Device = null, int? EndpointAddress = null, double? FromSeconds = null, double? ToSeconds = null)
{
    public static CaptureFilter None { get; } = new();

    internal bool KeepsDevice(int bus, int device) => (Bus is null || Bus == bus) && (Device is null || Device == device);

    internal bool KeepsEndpoint(int bus, int device, byte endpoint) => KeepsDevice(bus, device) && (EndpointAddress is null || EndpointAddress == endpoint);

    internal bool KeepsTime(long relativeNs) =>
        (FromSeconds is null || relativeNs >= FromSeconds.Value * 1e9) && (ToSeconds is null || relativeNs <= ToSeconds.Value * 1e9);
}

namespace DriverNotebooks.Usb;

/// <summary>A bulk rate someone measured on a real host, with where it was published.</summary>
/// <param name="LowBytesPerSecond">Lowest of the published figures.</param>
/// <param name="HighBytesPerSecond">Highest of the published figures.</param>
/// <param name="Source">Citation keys (docs/SOURCES.md) and what was measured.</param>
public sealed record PublishedBulkRate(double LowBytesPerSecond, double HighBytesPerSecond, string Source)
{
    /// <summary>The citation keys of <see cref="Source"/> in order, run together: <c>[S22c][S10]</c>.</summary>
    public string Keys => string.Concat(System.Text.RegularExpressions.Regex.Matches(Source, @"\[S[0-9]+[a-z]?\]").Select(m => m.Value));

    /// <summary>The range as a person reads it: <c>40–41 MB/s</c>.</summary>
    public string Range
    {
        get
        {
            var (low, high) = (Quantities.FormatRate(LowBytesPerSecond), Quantities.FormatRate(HighBytesPerSecond));
            if (low == high) return low;
            var (lowNumber, lowUnit) = (low[..low.IndexOf(' ')], low[(low.IndexOf(' ') + 1)..]);
            return high.EndsWith(" " + lowUnit, StringComparison.Ordinal) ? $"{lowNumber}–{high}" : $"{low} – {high}";
        }
    }
}

/// <summary>
/// Effective bulk rates published for real hosts, kept beside (never instead of) the specification's ceilings:
/// measured hosts sit roughly 17–38 % under them. <see cref="HostRateExpectation"/> applies them to every bulk analysis
/// as a second, labelled prediction; <see cref="BulkCeiling.MeasuredHosts"/> makes them the analysis's ceiling.
/// </summary>
public static class PublishedBulkRates
{
    /// <summary>High-speed bulk, 512-byte packets, IN: about 40–41 MB/s against the 53.248 MB/s ceiling.</summary>
    public static readonly PublishedBulkRate HighSpeedIn = new(40_000_000, 41_000_000,
        "[S22c] Cypress streaming firmware on Windows/WinUSB ≈ 40 MB/s; [S10] Linux usbtest bulk queue test 41 MB/s");

    /// <summary>High-speed bulk, 512-byte packets, OUT: 33–39 MB/s.</summary>
    public static readonly PublishedBulkRate HighSpeedOut = new(33_000_000, 39_000_000,
        "[S22d] Opal Kelly FX2 board, 33 MB/s to the device; [S10] Linux usbtest bulk queue test 39 MB/s");

    /// <summary>SuperSpeed Gen 1 bulk, 1024-byte packets, queued requests: 320–400 MB/s against the model's 484.8 MB/s ceiling.</summary>
    public static readonly PublishedBulkRate SuperSpeedGen1 = new(320_000_000, 400_000_000,
        "[S22g] libusb, queued requests on Windows 7: up to 320 MB/s; [S24c], [S24d] about 400 MB/s after 8b/10b, flow control and framing");

    /// <summary>The published rate for a bulk endpoint of this speed and direction, or null where none is kept.</summary>
    public static PublishedBulkRate? For(UsbSpeed speed, TransferDirection direction) => (speed, direction) switch
    {
        (UsbSpeed.High, TransferDirection.In) => HighSpeedIn,
        (UsbSpeed.High, TransferDirection.Out) => HighSpeedOut,
        (UsbSpeed.Super, _) => SuperSpeedGen1,
        _ => null,
    };
}

namespace DriverNotebooks.Usb;

/// <summary>
/// Whose rules decide which descriptors are accepted and how bInterval becomes a service period.
/// The three differ; none is silently preferred.
/// </summary>
/// <remarks>usb-throughput.md §1.2–§1.4: [S17b] (spec), [S13] (Windows USBD_PIPE_INFORMATION tables),
/// [S4] usb_parse_endpoint() and [S5] xhci_get_endpoint_interval() (Linux with an xHCI host).</remarks>
public enum PollingPolicy
{
    /// <summary>USB 2.0 / 3.x specification: out-of-range values are rejected, periods are as encoded.</summary>
    Spec,

    /// <summary>Windows USB stack: documented period rounding (FS powers of two capped at 32 ms, HS interrupt
    /// capped at 32 µframes, HS isochronous periods 1–8 µframes only).</summary>
    Windows,

    /// <summary>Linux usbcore descriptor fix-ups plus the xHCI interval encoding: tolerant, with warnings. The usbcore
    /// clamp of a high-speed URB interval to 8192 microframes (<c>usb_submit_urb()</c>, which an EHCI host follows) is
    /// reported as a warning; xHCI polls at the endpoint context's period (<see cref="ServiceInterval.LinuxHighSpeedUrbIntervalMax"/>).</summary>
    Linux,
}

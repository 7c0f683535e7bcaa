namespace DriverNotebooks.Usb.Captures;

/// <summary>The pcap/pcapng link types (LINKTYPE_*) this reader knows, and their names for messages.</summary>
public static class LinkTypes
{
    /// <summary>LINKTYPE_USB_LINUX: Linux usbmon, 48-byte header.</summary>
    public const int UsbLinux = 189;

    /// <summary>LINKTYPE_USB_LINUX_MMAPPED: Linux usbmon, 64-byte header (interval, start frame, ISO descriptors).</summary>
    public const int UsbLinuxMmapped = 220;

    /// <summary>LINKTYPE_USBPCAP: Windows USBPcap pseudo-header.</summary>
    public const int UsbPcap = 249;

    /// <summary>The link types whose records are read.</summary>
    public static IReadOnlyList<int> Supported { get; } = [UsbLinux, UsbLinuxMmapped, UsbPcap];

    public static bool IsSupported(int linkType) => linkType is UsbLinux or UsbLinuxMmapped or UsbPcap;

    /// <summary>"189 (USB_LINUX)"; unknown numbers alone.</summary>
    public static string Describe(int linkType) => linkType switch
    {
        1 => "1 (ETHERNET)",
        101 => "101 (RAW)",
        113 => "113 (LINUX_SLL)",
        186 => "186 (USB_FREEBSD)",
        UsbLinux => "189 (USB_LINUX)",
        UsbLinuxMmapped => "220 (USB_LINUX_MMAPPED)",
        UsbPcap => "249 (USBPCAP)",
        266 => "266 (USB_DARWIN)",
        288 => "288 (USB_2_0: packets from a hardware analyser)",
        _ => linkType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"189 (USB_LINUX), 220 (USB_LINUX_MMAPPED) or 249 (USBPCAP)" for messages.</summary>
    public static string DescribeSupported() => "189 (USB_LINUX), 220 (USB_LINUX_MMAPPED) or 249 (USBPCAP)";
}

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

    /// <summary>LINKTYPE_USB_2_0: USB 2.0, 1.1 or 1.0 packets from a hardware analyser, each beginning with its PID; the speed is not stated.</summary>
    public const int Usb20 = 288;

    /// <summary>LINKTYPE_USB_2_0_LOW_SPEED: as <see cref="Usb20"/>, captured on a low-speed link.</summary>
    public const int Usb20LowSpeed = 293;

    /// <summary>LINKTYPE_USB_2_0_FULL_SPEED: as <see cref="Usb20"/>, captured on a full-speed link.</summary>
    public const int Usb20FullSpeed = 294;

    /// <summary>LINKTYPE_USB_2_0_HIGH_SPEED: as <see cref="Usb20"/>, captured on a high-speed link.</summary>
    public const int Usb20HighSpeed = 295;

    /// <summary>The link types whose records are read.</summary>
    public static IReadOnlyList<int> Supported { get; } = [UsbLinux, UsbLinuxMmapped, UsbPcap, Usb20, Usb20LowSpeed, Usb20FullSpeed, Usb20HighSpeed];

    public static bool IsSupported(int linkType) => linkType is UsbLinux or UsbLinuxMmapped or UsbPcap || IsPacketLevel(linkType);

    /// <summary>True for the link types whose records are bus packets (token, data, handshake), not URBs.</summary>
    public static bool IsPacketLevel(int linkType) => linkType is Usb20 or Usb20LowSpeed or Usb20FullSpeed or Usb20HighSpeed;

    /// <summary>The speed a packet-level link type states; null for 288, which states none.</summary>
    public static UsbSpeed? SpeedOf(int linkType) => linkType switch
    {
        Usb20LowSpeed => UsbSpeed.Low,
        Usb20FullSpeed => UsbSpeed.Full,
        Usb20HighSpeed => UsbSpeed.High,
        _ => null,
    };

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
        Usb20 => "288 (USB_2_0)",
        Usb20LowSpeed => "293 (USB_2_0_LOW_SPEED)",
        Usb20FullSpeed => "294 (USB_2_0_FULL_SPEED)",
        Usb20HighSpeed => "295 (USB_2_0_HIGH_SPEED)",
        _ => linkType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The supported link types for messages.</summary>
    public static string DescribeSupported() =>
        "189 (USB_LINUX), 220 (USB_LINUX_MMAPPED), 249 (USBPCAP), or USB 2.0 packets from a hardware analyser: 288 (USB_2_0), 293, 294 or 295 (low, full, high speed)";
}

namespace DriverNotebooks.Usb;

/// <summary>The kinds of descriptor dump <see cref="DescriptorDumpReader"/> recognises from their content.</summary>
public enum DescriptorFormat
{
    /// <summary><c>lsusb -v</c> text (usbutils), one or many devices.</summary>
    LsusbVerbose,

    /// <summary><c>usb-devices</c> or <c>/sys/kernel/debug/usb/devices</c> text: <c>T:</c>/<c>D:</c>/<c>C:</c>/<c>I:</c>/<c>E:</c> lines.</summary>
    UsbDevices,

    /// <summary>A Windows USBView (or USB Device Tree Viewer) text report: <c>bField : 0xNN</c> lines under descriptor headings.</summary>
    UsbView,

    /// <summary>Raw descriptors: a device descriptor then its configuration(s), as the Linux sysfs <c>descriptors</c> file,
    /// or configuration descriptors alone, as GET_DESCRIPTOR(CONFIGURATION) returns them.</summary>
    Binary,

    /// <summary>A pcap or pcapng capture: the device and configuration descriptors its GET_DESCRIPTOR responses carry
    /// (<see cref="Captures.CaptureDescriptors"/>).</summary>
    CaptureResponses,
}

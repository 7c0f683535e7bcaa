namespace DriverNotebooks.Usb;

/// <summary>The descriptor a text dump's line belongs to, as the lsusb and USBView readers track it.</summary>
internal enum DumpSection { None, Device, Configuration, Interface, Endpoint, Companion, SuperSpeedPlusCompanion, Other }

/// <summary>
/// The standard descriptor fields (USB 2.0 §9.6) that <c>lsusb -v</c> and USBView print by the same names: one place for
/// where each lands in a <see cref="DeviceBuilder"/> and how wide it is. A reader handles its own formats (lsusb's
/// <c>bcdUSB 2.00</c>, companion lines) before asking here.
/// </summary>
internal static class StandardFields
{
    /// <summary>Sets <paramref name="name"/> from <paramref name="value"/> when it is a standard field of the device,
    /// configuration, interface or endpoint descriptor <paramref name="section"/> names; false when it is not one.</summary>
    /// <exception cref="DescriptorDumpException">The value is not a number that fits the field.</exception>
    public static bool TrySet(DeviceBuilder device, DumpSection section, string name, string value, string source, string where)
    {
        Action<int>? set = (section, name) switch
        {
            (DumpSection.Device, "bMaxPacketSize0") => v => device.MaxPacketSize0 = v,
            (DumpSection.Device, "bDeviceClass") => v => device.DeviceClass = v,
            (DumpSection.Device, "bDeviceProtocol") => v => device.DeviceProtocol = v,
            (DumpSection.Device, "idVendor") => v => device.VendorId = v,
            (DumpSection.Device, "idProduct") => v => device.ProductId = v,
            (DumpSection.Configuration, "bConfigurationValue") => v => device.CurrentConfiguration!.Value = v,
            (DumpSection.Interface, "bInterfaceNumber") => v => device.CurrentInterface!.Number = v,
            (DumpSection.Interface, "bAlternateSetting") => v => device.CurrentInterface!.AlternateSetting = v,
            (DumpSection.Interface, "bInterfaceClass") => v => device.CurrentInterface!.Class = v,
            (DumpSection.Interface, "bInterfaceSubClass") => v => device.CurrentInterface!.SubClass = v,
            (DumpSection.Interface, "bInterfaceProtocol") => v => device.CurrentInterface!.Protocol = v,
            (DumpSection.Endpoint, "bEndpointAddress") => v => device.CurrentEndpoint!.Address = v,
            (DumpSection.Endpoint, "bmAttributes") => v => device.CurrentEndpoint!.Attributes = v,
            (DumpSection.Endpoint, "wMaxPacketSize") => v => device.CurrentEndpoint!.WMaxPacketSize = v,
            (DumpSection.Endpoint, "bInterval") => v => device.CurrentEndpoint!.BInterval = v,
            _ => null,
        };
        if (set is null) return false;
        set(Number(source, where, name, value, name[0] is 'w' or 'i' ? 0xFFFF : 255));
        return true;
    }

    /// <summary>A field's value as a number from 0 to <paramref name="max"/>, hex (<c>0x..</c>) or decimal.</summary>
    /// <exception cref="DescriptorDumpException">Anything else.</exception>
    public static int Number(string source, string where, string name, string value, int max) =>
        TextLines.TryNumber(value, out var n) && n >= 0 && n <= max ? (int)n
            : throw new DescriptorDumpException(source, where, $"{name} \"{value}\" is not a number from 0 to {max}");
}

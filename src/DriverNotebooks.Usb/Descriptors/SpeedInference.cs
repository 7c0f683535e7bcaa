namespace DriverNotebooks.Usb;

/// <summary>
/// Decides the speed of a dumped device: <c>--speed</c> first, then what the dump states, else inferred from bcdUSB,
/// SuperSpeed companion descriptors, bMaxPacketSize0 and packet sizes, saying which evidence decided.
/// </summary>
/// <remarks>
/// Evidence, strongest first: a SuperSpeed endpoint companion (sent only by a device running at SuperSpeed; USB 3.2 §9.6.7 [S28b]);
/// bMaxPacketSize0 9 with bcdUSB 3.x (2^9 = 512, SuperSpeed only; §9.6.1); a hub's bDeviceProtocol 1 or 2 (high speed, §11.23.1); wMaxPacketSize bits 12..11 non-zero or a
/// periodic packet over 1023 bytes, or a bulk packet of 512 bytes (high speed only; USB 2.0 §5.6.3, §5.7.3, §5.8.3,
/// §9.6.6 [S28a], [S1d]); a bulk packet of at most 64 bytes with bcdUSB 2.x (high-speed bulk must be 512, §5.8.3), so full speed.
/// Without evidence: bcdUSB below 2.00 means full speed, otherwise high speed, each said to be assumed.
/// </remarks>
internal static class SpeedInference
{
    /// <summary>bDeviceClass of a hub (09h). Its bDeviceProtocol is 0 at full speed, 1 (single TT) or 2 (multiple TTs) at
    /// high speed (USB 2.0 §11.23.1 [S28a]), 3 for a SuperSpeed hub.</summary>
    private const int HubClass = 9;

    public static DeviceSpeed Decide(DeviceBuilder device, IReadOnlyList<EndpointBuilder> endpoints, UsbSpeed? speedOverride)
    {
        if (speedOverride is { } given) return new DeviceSpeed(given, true, $"given as {UsbNames.ToCliName(given)}");
        if (device.StatedSpeed is { } stated) return new DeviceSpeed(stated, true, device.StatedHow);

        var bcd = $"bcdUSB {device.BcdUsb >> 8:x}.{device.BcdUsb & 0xFF:x2}";
        if (endpoints.FirstOrDefault(e => e.HasCompanion) is { } ss)
            return Inferred(UsbSpeed.Super, $"SuperSpeed endpoint companion on endpoint 0x{ss.Address:x2} ({ss.Where}); a Gen 1 link assumed, give the speed for Gen 2");
        if (device.BcdUsb >= 0x0300 && device.MaxPacketSize0 == 9)
            return Inferred(UsbSpeed.Super, $"{bcd} and bMaxPacketSize0 9 (2^9 = 512 B, SuperSpeed only)");
        if (device.DeviceClass == HubClass && device.DeviceProtocol is 1 or 2)
            return Inferred(UsbSpeed.High, $"hub bDeviceProtocol {device.DeviceProtocol} ({(device.DeviceProtocol == 1 ? "single" : "multiple")} transaction translators: a hub running at high speed)");
        var periodic = endpoints.Where(e => EndpointRules.IsPeriodic(e.Type)).ToList();
        if (periodic.FirstOrDefault(e => ((e.WMaxPacketSize >> 11) & 3) != 0) is { } hb)
            return Inferred(UsbSpeed.High, $"endpoint 0x{hb.Address:x2} has {(hb.WMaxPacketSize >> 11) & 3} additional transactions per microframe (high speed only)");
        if (periodic.FirstOrDefault(e => (e.WMaxPacketSize & 0x7FF) > 1023) is { } big)
            return Inferred(UsbSpeed.High, $"endpoint 0x{big.Address:x2} has {big.WMaxPacketSize & 0x7FF}-byte packets (full speed allows at most 1023)");
        var bulk = endpoints.Where(e => e.Type == TransferType.Bulk).ToList();
        if (bulk.FirstOrDefault(e => (e.WMaxPacketSize & 0x7FF) == 512) is { } hs)
            return Inferred(UsbSpeed.High, $"bulk endpoint 0x{hs.Address:x2} has 512-byte packets (full speed allows at most 64)");
        if (device.BcdUsb >= 0x0200 && bulk.FirstOrDefault(e => (e.WMaxPacketSize & 0x7FF) <= 64) is { } fs)
            return Inferred(UsbSpeed.Full, $"bulk endpoint 0x{fs.Address:x2} has {fs.WMaxPacketSize & 0x7FF}-byte packets (high speed requires 512)");
        return device.BcdUsb < 0x0200
            ? Inferred(UsbSpeed.Full, $"{bcd} (USB 1.x) and no packet size decides; full speed assumed, give the speed for a low-speed device")
            : Inferred(UsbSpeed.High, $"{bcd} and no packet size decides; high speed assumed, give the speed if it ran at full speed");
    }

    private static DeviceSpeed Inferred(UsbSpeed speed, string why) => new(speed, false, "inferred from " + why);

    /// <summary>The speed a Linux <c>Spd=</c> field or lsusb "Negotiated speed" names in Mb/s.</summary>
    public static UsbSpeed? FromMegabits(string text) => text.Trim() switch
    {
        "1.5" => UsbSpeed.Low,
        "12" => UsbSpeed.Full,
        "480" => UsbSpeed.High,
        "5000" => UsbSpeed.Super,
        "10000" or "20000" => UsbSpeed.SuperPlus,
        _ => null,
    };

    /// <summary>The speed a Windows report names ("High-Speed", "FullSpeed", "SuperSpeedPlus"…).</summary>
    public static UsbSpeed? FromWords(string text)
    {
        var t = text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (t.Contains("superplus", StringComparison.Ordinal) || t.Contains("superspeedplus", StringComparison.Ordinal)) return UsbSpeed.SuperPlus;
        if (t.Contains("super", StringComparison.Ordinal)) return UsbSpeed.Super;
        if (t.Contains("high", StringComparison.Ordinal)) return UsbSpeed.High;
        if (t.Contains("full", StringComparison.Ordinal)) return UsbSpeed.Full;
        if (t.Contains("low", StringComparison.Ordinal)) return UsbSpeed.Low;
        return null;
    }
}

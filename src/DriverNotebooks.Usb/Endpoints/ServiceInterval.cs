using System.Numerics;

namespace DriverNotebooks.Usb;

/// <summary>
/// A decoded polling period: how often the host gives a periodic endpoint a service opportunity.
/// Bulk and control endpoints get the native (micro)frame as their counting interval.
/// </summary>
/// <param name="Period">Time between service opportunities.</param>
/// <param name="NativeIntervals">The period counted in frames (LS/FS) or microframes/bus intervals (HS/SS).</param>
/// <param name="EffectiveBInterval">bInterval after any policy fix-up (Linux rewrites invalid values).</param>
/// <param name="Rule">The rule applied, in words.</param>
public sealed record ServiceInterval(Duration Period, int NativeIntervals, int EffectiveBInterval, string Rule)
{
    /// <summary>
    /// Decodes bInterval for <paramref name="speed"/> and <paramref name="type"/> under <paramref name="policy"/>.
    /// </summary>
    /// <exception cref="UsbInputException">Field <c>interval</c>, when the policy rejects the value.</exception>
    /// <remarks>
    /// <c>warnings</c> receives a line for every fix-up or rounding the policy applies.
    /// Spec: [S17b] (LS 10–255 ms, FS interrupt 1–255 ms, FS isochronous and HS/SS periodic 2^(b−1) (micro)frames, 1–16).
    /// Windows: [S13] (FS power of two ≤ b capped at 32 ms; LS 8/16/32 ms; HS interrupt 1–5 → 2^(b−1), 6–255 → 32 µframes;
    /// HS isochronous 1, 2, 4 or 8 µframes only). Linux: [S4] usb_parse_endpoint() fix-ups, then [S5]
    /// xhci_get_endpoint_interval() (FS/LS interrupt rounded down to a power of two of microframes, 1–128 ms).
    /// </remarks>
    public static ServiceInterval Decode(UsbSpeed speed, TransferType type, int bInterval, PollingPolicy policy, ICollection<string> warnings)
    {
        if (bInterval is < 0 or > 255)
            throw Reject(speed, type, bInterval, policy, "0–255 (bInterval is one byte)");
        var native = UsbBus.NativeInterval(speed);
        if (!EndpointRules.IsPeriodic(type))
        {
            var what = speed == UsbSpeed.High && type is TransferType.Bulk or TransferType.Control
                ? "bInterval is the maximum NAK rate for HS bulk/control OUT (compliance only); throughput is counted per microframe"
                : $"bInterval is ignored for {UsbNames.Describe(type)}; throughput is counted per {UsbNames.IntervalName(speed)}";
            return new ServiceInterval(native, 1, bInterval, what);
        }
        return policy switch
        {
            PollingPolicy.Spec => DecodeSpec(speed, type, bInterval),
            PollingPolicy.Windows => DecodeWindows(speed, type, bInterval),
            PollingPolicy.Linux => DecodeLinux(speed, type, bInterval, warnings),
            _ => throw new UsbInputException(UsbInputField.Policy, policy.ToString(), "spec, windows or linux", $"policy {policy} is not known; allowed: spec, windows or linux"),
        };
    }

    private static ServiceInterval DecodeSpec(UsbSpeed speed, TransferType type, int b)
    {
        switch (speed, type)
        {
            case (UsbSpeed.Low, _):
                if (b < 10) throw Reject(speed, type, b, PollingPolicy.Spec, "10–255 (milliseconds)");
                return Frames(b, b, "spec: low-speed interrupt period = bInterval ms (10–255)");
            case (UsbSpeed.Full, TransferType.Interrupt):
                if (b < 1) throw Reject(speed, type, b, PollingPolicy.Spec, "1–255 (milliseconds)");
                return Frames(b, b, "spec: full-speed interrupt period = bInterval ms (1–255)");
            default:
                if (b is < 1 or > 16) throw Reject(speed, type, b, PollingPolicy.Spec, "1–16 (period 2^(bInterval-1) " + Unit(speed) + "s)");
                return Exponent(speed, b - 1, b, $"spec: period = 2^(bInterval-1) {Unit(speed)}s");
        }
    }

    private static ServiceInterval DecodeWindows(UsbSpeed speed, TransferType type, int b)
    {
        switch (speed, type)
        {
            case (UsbSpeed.Low, _):
                var ms = b <= 15 ? 8 : b <= 35 ? 16 : 32;
                return Frames(ms, b, "windows: low-speed interrupt 0–15 → 8 ms, 16–35 → 16 ms, 36–255 → 32 ms");
            case (UsbSpeed.Full, TransferType.Interrupt):
                if (b < 1) throw Reject(speed, type, b, PollingPolicy.Windows, "1–255 (milliseconds)");
                var pow = Math.Min(32, 1 << (31 - BitOperations.LeadingZeroCount((uint)b)));
                return Frames(pow, b, "windows: full-speed interrupt period = largest power of two ≤ bInterval, capped at 32 ms");
            case (UsbSpeed.High, TransferType.Interrupt):
                if (b < 1) throw Reject(speed, type, b, PollingPolicy.Windows, "1–255 (1–5 → 2^(bInterval-1) microframes, 6–255 → 32)");
                return b <= 5
                    ? Exponent(speed, b - 1, b, "windows: high-speed interrupt 1–5 → 2^(bInterval-1) microframes")
                    : Exponent(speed, 5, b, "windows: high-speed interrupt 6–255 → 32 microframes");
            case (UsbSpeed.High, TransferType.Isochronous):
                if (b is < 1 or > 4) throw Reject(speed, type, b, PollingPolicy.Windows, "1–4 (periods of 1, 2, 4 or 8 microframes; longer ones fail with USBD_STATUS_INVALID_PARAMETER)");
                return Exponent(speed, b - 1, b, "windows: high-speed isochronous periods 1, 2, 4 or 8 microframes");
            default:
                if (b is < 1 or > 16) throw Reject(speed, type, b, PollingPolicy.Windows, "1–16 (period 2^(bInterval-1) " + Unit(speed) + "s)");
                return Exponent(speed, b - 1, b, $"windows: period = 2^(bInterval-1) {Unit(speed)}s (as the spec)");
        }
    }

    private static ServiceInterval DecodeLinux(UsbSpeed speed, TransferType type, int b, ICollection<string> warnings)
    {
        // usb_parse_endpoint(): i = min, j = max, n = replacement for invalid values.
        int min = 1, max, replacement;
        if (type == TransferType.Interrupt)
        {
            if (speed is UsbSpeed.Low or UsbSpeed.Full) { max = 255; replacement = 10; }
            else { max = 16; replacement = Fls(b * 8); if (replacement == 0) replacement = 7; }
        }
        else
        {
            max = 16;
            replacement = speed == UsbSpeed.High ? 7 : 4;
        }
        var fixedB = b;
        if (b < min || b > max)
        {
            fixedB = replacement;
            warnings.Add($"linux: usbcore reports \"invalid bInterval {b}, changing to {replacement}\"");
        }

        // xhci_get_endpoint_interval()
        if (type == TransferType.Interrupt && speed is UsbSpeed.Low or UsbSpeed.Full)
        {
            var microframes = fixedB * 8;
            var exponent = Math.Clamp(Fls(microframes) - 1, 3, 10);
            if (1 << exponent != microframes)
                warnings.Add($"linux: xHCI rounds {fixedB} ms down to {(1 << exponent) / 8} ms (a power of two of microframes, 1–128 ms)");
            return new ServiceInterval((1L << exponent) * UsbBus.Microframe, (1 << exponent) / 8, fixedB,
                "linux/xHCI: period = 2^clamp(fls(bInterval*8)-1, 3, 10) microframes");
        }
        var e = Math.Clamp(fixedB, 1, 16) - 1;
        if (speed == UsbSpeed.High && 1 << e > LinuxHighSpeedUrbIntervalMax)
        {
            warnings.Add($"linux: usb_submit_urb() clamps a high-speed URB interval of {1 << e} microframes to {LinuxHighSpeedUrbIntervalMax} " +
                         $"({LinuxHighSpeedUrbIntervalMax * UsbBus.Microframe}), the period an EHCI host schedules; xHCI's check_interval() " +
                         $"puts back the endpoint context's {1 << e} microframes, the period used here");
        }
        return Exponent(speed, e, fixedB, $"linux/xHCI: period = 2^(bInterval-1) {Unit(speed)}s");
    }

    /// <summary>
    /// Linux <c>usb_submit_urb()</c> (drivers/usb/core/urb.c): a high-speed URB interval above 1024 × 8 = 8192 microframes is
    /// clamped to 8192 (<c>if (urb->interval > (1024 * 8)) urb->interval = 1024 * 8;</c>). EHCI schedules by the URB's interval;
    /// xHCI's <c>check_interval()</c> (drivers/usb/host/xhci-ring.c) replaces it with the endpoint context's interval, which
    /// <c>xhci_parse_exponent_interval()</c> (xhci-mem.c) sets to 2^(clamp(bInterval, 1, 16) − 1) microframes. [S27c], [S5]
    /// </summary>
    public const int LinuxHighSpeedUrbIntervalMax = 1024 * 8;

    /// <summary>Linux <c>fls()</c>: 1-based index of the most significant set bit, 0 for 0.</summary>
    internal static int Fls(int x) => x == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)x);

    private static string Unit(UsbSpeed speed) => UsbNames.IntervalName(speed);

    private static ServiceInterval Frames(int frames, int b, string rule) =>
        new(frames * UsbBus.Frame, frames, b, rule);

    private static ServiceInterval Exponent(UsbSpeed speed, int exponent, int b, string rule)
    {
        var native = UsbBus.NativeInterval(speed);
        return new ServiceInterval((1L << exponent) * native, 1 << exponent, b, rule);
    }

    private static UsbInputException Reject(UsbSpeed speed, TransferType type, int b, PollingPolicy policy, string allowed) =>
        UsbInputException.NotAllowed(UsbInputField.Interval, "bInterval", b.ToString(),
            $"for a {UsbNames.Describe(speed)} {UsbNames.Describe(type)} endpoint under the {UsbNames.ToCliName(policy)} policy", allowed);
}

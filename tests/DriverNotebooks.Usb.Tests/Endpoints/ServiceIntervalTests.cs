namespace DriverNotebooks.Usb.Tests.Endpoints;

/// <summary>bInterval decoding per speed, type and policy (domain file §1.4).</summary>
public sealed class ServiceIntervalTests
{
    private static double PeriodMicroseconds(UsbSpeed speed, TransferType type, int bInterval, PollingPolicy policy, List<string>? warnings = null) =>
        ServiceInterval.Decode(speed, type, bInterval, policy, warnings ?? []).Period.Microseconds;

    [Theory]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 1, 125)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 4, 1_000)]
    [InlineData(UsbSpeed.High, TransferType.Isochronous, 16, 4_096_000)]
    [InlineData(UsbSpeed.Super, TransferType.Interrupt, 3, 500)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 10, 10_000)]
    [InlineData(UsbSpeed.Full, TransferType.Isochronous, 4, 8_000)]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 10, 10_000)]
    public void Spec_periods_are_as_encoded(UsbSpeed speed, TransferType type, int bInterval, double microseconds) =>
        Assert.Equal(microseconds, PeriodMicroseconds(speed, type, bInterval, PollingPolicy.Spec));

    [Theory]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 5, 2_000)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 6, 4_000)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 255, 4_000)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 3, 2_000)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 7, 4_000)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 31, 16_000)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 255, 32_000)]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 0, 8_000)]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 10, 8_000)]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 20, 16_000)]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 36, 32_000)]
    public void Windows_rounds_interrupt_periods_as_documented(UsbSpeed speed, TransferType type, int bInterval, double microseconds) =>
        Assert.Equal(microseconds, PeriodMicroseconds(speed, type, bInterval, PollingPolicy.Windows));

    [Fact]
    public void Windows_caps_hs_interrupt_periods_at_32_microframes() =>
        Assert.Equal(32, ServiceInterval.Decode(UsbSpeed.High, TransferType.Interrupt, 9, PollingPolicy.Windows, []).NativeIntervals);

    [Fact]
    public void Windows_refuses_hs_isochronous_periods_longer_than_8_microframes()
    {
        Assert.Equal(1_000, PeriodMicroseconds(UsbSpeed.High, TransferType.Isochronous, 4, PollingPolicy.Windows));
        var ex = Assert.Throws<UsbInputException>(() => PeriodMicroseconds(UsbSpeed.High, TransferType.Isochronous, 5, PollingPolicy.Windows));
        Assert.Equal(UsbInputField.Interval, ex.Field);
    }

    [Theory]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 1, 1_000)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 10, 8_000)]      // fls(80)-1 = 6 → 64 µframes
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 255, 128_000)]   // exponent clamped at 10
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 0, 8_000)]        // usbcore: 0 → 10 ms, xHCI → 8 ms
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 0, 8_000)]       // fls(0) = 0 → 7 → 64 µframes
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 32, 32_000)]     // fls(256) = 9 → 256 µframes
    [InlineData(UsbSpeed.High, TransferType.Isochronous, 17, 8_000)]    // invalid → 7
    [InlineData(UsbSpeed.Full, TransferType.Isochronous, 0, 8_000)]     // invalid → 4
    public void Linux_fixes_up_and_rounds_down_as_usbcore_and_xhci_do(UsbSpeed speed, TransferType type, int bInterval, double microseconds) =>
        Assert.Equal(microseconds, PeriodMicroseconds(speed, type, bInterval, PollingPolicy.Linux));

    [Fact]
    public void Linux_says_what_it_changed()
    {
        var warnings = new List<string>();
        PeriodMicroseconds(UsbSpeed.High, TransferType.Interrupt, 0, PollingPolicy.Linux, warnings);
        Assert.Contains(warnings, w => w.Contains("invalid bInterval 0, changing to 7"));
    }

    [Theory]
    [InlineData(14, 8192, false)]
    [InlineData(15, 16384, true)]
    [InlineData(16, 32768, true)]
    public void Linux_usbcore_clamps_a_high_speed_URB_interval_to_8192_microframes_and_xHCI_restores_the_descriptors_period(
        int bInterval, int xhciMicroframes, bool clamped)
    {
        var warnings = new List<string>();
        var interval = ServiceInterval.Decode(UsbSpeed.High, TransferType.Interrupt, bInterval, PollingPolicy.Linux, warnings);

        Assert.Equal(8192, ServiceInterval.LinuxHighSpeedUrbIntervalMax);
        Assert.Equal(xhciMicroframes, interval.NativeIntervals);
        Assert.Equal(clamped, warnings.Any(w => w.Contains($"clamps a high-speed URB interval of {xhciMicroframes} microframes to 8192", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 9)]
    [InlineData(UsbSpeed.Full, TransferType.Isochronous, 17)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 17)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 256)]
    public void Spec_refuses_out_of_range_bInterval(UsbSpeed speed, TransferType type, int bInterval) =>
        Assert.Equal(UsbInputField.Interval, Assert.Throws<UsbInputException>(() => PeriodMicroseconds(speed, type, bInterval, PollingPolicy.Spec)).Field);
}

namespace DriverNotebooks.Usb.Tests.Bus;

/// <summary>USB 2.0 §5.11.3 bus times: the Linux integer port to the nanosecond, and the spec's floating-point formula.</summary>
public sealed class BusTimeTests
{
    // Expected values evaluated by hand from include/linux/usb/hcd.h and usb_calc_bus_time() (integer C arithmetic).
    [Theory]
    [InlineData(UsbSpeed.High, TransferDirection.In, false, 0, 927)]
    [InlineData(UsbSpeed.High, TransferDirection.In, false, 64, 2171)]
    [InlineData(UsbSpeed.High, TransferDirection.In, false, 512, 10880)]
    [InlineData(UsbSpeed.High, TransferDirection.In, false, 1024, 20835)]
    [InlineData(UsbSpeed.High, TransferDirection.Out, false, 1024, 20835)]
    [InlineData(UsbSpeed.High, TransferDirection.In, true, 1023, 20532)]
    [InlineData(UsbSpeed.High, TransferDirection.In, true, 1024, 20551)]
    [InlineData(UsbSpeed.Full, TransferDirection.In, false, 0, 10365)]
    [InlineData(UsbSpeed.Full, TransferDirection.In, false, 8, 16547)]
    [InlineData(UsbSpeed.Full, TransferDirection.In, false, 64, 60239)]
    [InlineData(UsbSpeed.Full, TransferDirection.Out, false, 64, 60239)]
    [InlineData(UsbSpeed.Full, TransferDirection.In, true, 1023, 806166)]
    [InlineData(UsbSpeed.Full, TransferDirection.Out, true, 1023, 805163)]
    [InlineData(UsbSpeed.Low, TransferDirection.In, false, 0, 67823)]
    [InlineData(UsbSpeed.Low, TransferDirection.In, false, 8, 117897)]
    [InlineData(UsbSpeed.Low, TransferDirection.Out, false, 8, 117198)]
    public void Linux_bus_time_matches_usb_calc_bus_time_to_the_nanosecond(UsbSpeed speed, TransferDirection direction, bool isochronous, int bytes, long expectedNs) =>
        Assert.Equal(expectedNs, BusTime.LinuxNanoseconds(speed, direction, isochronous, bytes));

    [Theory]
    [InlineData(1, 9)]        // 9.33 truncated
    [InlineData(64, 597)]     // 597.33 truncated
    [InlineData(1024, 9557)]  // 9557.33 truncated
    public void Linux_BitTime_truncates_seven_sixths_of_eight_bits_per_byte(int bytes, long expected) =>
        Assert.Equal(expected, BusTime.LinuxBitTime(bytes));

    [Fact]
    public void Hs_nsecs_equal_the_hcd_h_macros_for_every_packet_size()
    {
        for (var bytes = 0; bytes <= 3072; bytes++)
        {
            var bitTime = 7 * 8 * bytes / 6;
            Assert.Equal((55 * 8 * 2083 + 2083L * (3 + bitTime)) / 1000 + 5, BusTime.LinuxHighSpeedNanoseconds(bytes));
            Assert.Equal((38 * 8 * 2083 + 2083L * (3 + bitTime)) / 1000 + 5, BusTime.LinuxHighSpeedIsochronousNanoseconds(bytes));
        }
    }

    [Theory]
    [InlineData(499, 0)]
    [InlineData(500, 1)]
    [InlineData(20835, 21)]
    public void NS_TO_US_rounds_to_the_nearest_microsecond(long ns, long us) =>
        Assert.Equal(us, BusTime.NanosecondsToMicroseconds(ns));

    [Fact]
    public void Spec_formula_gives_60231_ns_for_a_full_speed_64_byte_interrupt_where_linux_gives_60239()
    {
        // 9107 + 83.54 × Floor(3.167 + 1.1667 × 8 × 64) + 1000 = 9107 + 83.54 × 600 + 1000
        Assert.Equal(60231, BusTime.SpecNanoseconds(UsbSpeed.Full, TransferDirection.In, false, 64, BitStuffing.WorstCase), 6);
        Assert.Equal(60239, BusTime.LinuxNanoseconds(UsbSpeed.Full, TransferDirection.In, false, 64));
    }

    [Fact]
    public void Spec_formula_without_stuffing_counts_eight_bit_times_per_byte()
    {
        // 55 × 8 × 2.083 + 2.083 × Floor(3.167 + 4096) + 5
        Assert.Equal(916.52 + 2.083 * 4099 + 5, BusTime.SpecNanoseconds(UsbSpeed.High, TransferDirection.In, false, 512, BitStuffing.None), 6);
    }

    [Fact]
    public void SuperSpeed_packet_time_is_payload_plus_framing_at_500_megabytes_per_second() =>
        Assert.Equal(2112, BusTime.SuperSpeedNanoseconds(UsbSpeed.Super, 1, 1024, 32), 9);

    [Fact]
    public void Linux_formula_refuses_superspeed_as_the_kernel_does() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusTime.LinuxNanoseconds(UsbSpeed.Super, TransferDirection.In, false, 1024));
}

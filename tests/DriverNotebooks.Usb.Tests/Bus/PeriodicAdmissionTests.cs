namespace DriverNotebooks.Usb.Tests.Bus;

/// <summary>Several periodic endpoints sharing one bus: 80 % of a HS microframe, 90 % of a FS frame.</summary>
public sealed class PeriodicAdmissionTests
{
    private static readonly EndpointDescriptor HsIso1024 = new(UsbSpeed.High, TransferType.Isochronous, 1024, 1);

    [Fact]
    public void Four_hs_isochronous_1024_byte_endpoints_fit_a_microframe_by_linux_bus_time_and_the_fifth_is_2755_ns_over()
    {
        var result = PeriodicAdmission.Check(UsbSpeed.High, Enumerable.Repeat(HsIso1024, 5).ToArray());

        Assert.Equal(100_000, result.BudgetNanoseconds);
        Assert.Equal(new[] { true, true, true, true, false }, result.Entries.Select(e => e.Fits));
        var fifth = result.Entries[4];
        Assert.Equal(20_551, fifth.CostNanoseconds);
        Assert.Equal(102_755, fifth.PeakLoadNanoseconds);
        Assert.Equal(2_755, fifth.OverByNanoseconds);
        Assert.Equal(166, fifth.OverByBytes);
        Assert.Equal(2.204, fifth.OverByPercentOfFrame, 9);
        Assert.StartsWith("Endpoint 5 ", result.Summary);
        Assert.Contains("2,755 ns", result.Summary);
    }

    [Fact]
    public void Without_bit_stuffing_five_fit_as_the_spec_table_byte_count_predicts()
    {
        // Domain file §2.3: 6000 B / 1062 B → 5 under the 80 % limit.
        var result = PeriodicAdmission.Check(UsbSpeed.High, Enumerable.Repeat(HsIso1024, 6), null, BusTimeModel.Spec);
        Assert.Equal(5, result.Entries.Count(e => e.Fits));
        Assert.False(result.Entries[5].Fits);
    }

    [Fact]
    public void Fourteen_full_speed_64_byte_interrupt_endpoints_fit_90_percent_of_a_frame_and_the_fifteenth_does_not()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.Full, TransferType.Interrupt, 64, 1);
        var result = PeriodicAdmission.Check(UsbSpeed.Full, Enumerable.Repeat(endpoint, 15).ToArray());

        Assert.Equal(900_000, result.BudgetNanoseconds);
        Assert.Equal(14, result.Entries.Count(e => e.Fits));
        Assert.Equal(3_585, result.Entries[14].OverByNanoseconds);
        Assert.Equal(6, result.Entries[14].OverByBytes);
    }

    [Fact]
    public void Endpoints_polled_every_other_microframe_are_placed_in_different_microframes()
    {
        var every = new EndpointDescriptor(UsbSpeed.High, TransferType.Isochronous, 1024, 1) { Mult = 3 };
        var everyOther = every with { Interval = 2 };

        Assert.False(PeriodicAdmission.Check(UsbSpeed.High, every, every).AllFit);
        var result = PeriodicAdmission.Check(UsbSpeed.High, everyOther, everyOther);
        Assert.True(result.AllFit);
        Assert.Equal(new[] { 0, 1 }, result.Entries.Select(e => e.Phase));
    }

    [Fact]
    public void Bulk_endpoints_reserve_no_periodic_bandwidth_and_are_refused()
    {
        var ex = Assert.Throws<UsbInputException>(() =>
            PeriodicAdmission.Check(UsbSpeed.High, new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0)));
        Assert.Equal(UsbInputField.Type, ex.Field);
        Assert.StartsWith("endpoint 1:", ex.Message);
    }

    [Fact]
    public void Low_speed_endpoints_may_share_a_full_speed_bus_but_not_a_high_speed_one()
    {
        var mouse = new EndpointDescriptor(UsbSpeed.Low, TransferType.Interrupt, 8, 10);
        Assert.True(PeriodicAdmission.Check(UsbSpeed.Full, mouse).AllFit);
        Assert.Equal(UsbInputField.Speed, Assert.Throws<UsbInputException>(() => PeriodicAdmission.Check(UsbSpeed.High, mouse)).Field);
    }
}

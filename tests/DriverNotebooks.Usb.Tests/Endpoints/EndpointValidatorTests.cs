namespace DriverNotebooks.Usb.Tests.Endpoints;

/// <summary>Impossible descriptors are refused with the field, the value and what is allowed; policies differ by name.</summary>
public sealed class EndpointValidatorTests
{
    private static readonly EndpointDescriptor HsBulk1024 = new(UsbSpeed.High, TransferType.Bulk, 1024, 0);

    private static UsbInputException Refused(EndpointDescriptor endpoint, PipelineSettings? pipeline = null, PollingPolicy policy = PollingPolicy.Spec)
    {
        var ex = Assert.Throws<UsbInputException>(() => EndpointValidator.Validate(endpoint, pipeline, new AnalysisOptions { Policy = policy }));
        Assert.Contains(ex.Field, UsbInputField.All);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains(ex.Value, ex.Message);
        return ex;
    }

    [Fact]
    public void Hs_bulk_max_packet_1024_is_refused_under_the_spec_policy_naming_field_value_and_allowed_sizes()
    {
        var ex = Refused(HsBulk1024);
        Assert.Equal(UsbInputField.MaxPacket, ex.Field);
        Assert.Equal("1024", ex.Value);
        Assert.StartsWith("512", ex.Allowed);
        Assert.StartsWith("max packet 1024 is not allowed for a high-speed bulk endpoint under the spec policy; allowed: 512", ex.Message);
    }

    [Fact]
    public void Hs_bulk_max_packet_1024_is_refused_under_the_windows_policy_too() =>
        Assert.Equal(UsbInputField.MaxPacket, Refused(HsBulk1024, policy: PollingPolicy.Windows).Field);

    [Fact]
    public void Linux_tolerates_hs_bulk_max_packet_1024_with_a_warning_and_its_xhci_driver_uses_512()
    {
        var report = ThroughputAnalysis.Analyze(HsBulk1024, null, PollingPolicy.Linux);
        Assert.Contains(report.Warnings, w => w.Contains("invalid maxpacket 1024"));
        Assert.Equal(512, report.EffectiveMaxPacketSize);
        Assert.Equal(53_248_000, report.BusLimitBytesPerSecond, 6);
    }

    [Theory]
    [InlineData(3, 600, false)]
    [InlineData(3, 682, false)]
    [InlineData(3, 683, true)]
    [InlineData(2, 512, false)]
    [InlineData(2, 513, true)]
    [InlineData(1, 1, true)]
    public void High_bandwidth_mult_needs_the_packet_sizes_of_table_9_14(int mult, int maxPacket, bool allowed)
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, maxPacket, 1) { Mult = mult };
        if (allowed)
        {
            EndpointValidator.Validate(endpoint);
            return;
        }
        var ex = Refused(endpoint);
        Assert.Equal(UsbInputField.Mult, ex.Field);
        Assert.Contains("Table 9-14", ex.Message);
    }

    [Fact]
    public void Mult_3_with_max_packet_600_names_the_683_to_1024_range() =>
        Assert.Contains("683–1024", Refused(new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 600, 1) { Mult = 3 }).Message);

    [Fact]
    public void Linux_does_not_check_table_9_14_and_only_warns()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 600, 1) { Mult = 3 };
        var input = EndpointValidator.Validate(endpoint, null, new AnalysisOptions { Policy = PollingPolicy.Linux });
        Assert.Contains(input.Warnings, w => w.Contains("Table 9-14"));
    }

    [Theory]
    [InlineData(PollingPolicy.Spec)]
    [InlineData(PollingPolicy.Windows)]
    public void BInterval_0_for_a_hs_interrupt_endpoint_is_refused(PollingPolicy policy)
    {
        var ex = Refused(new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 64, 0), policy: policy);
        Assert.Equal(UsbInputField.Interval, ex.Field);
        Assert.Equal("0", ex.Value);
    }

    [Fact]
    public void Mult_is_refused_where_it_does_not_apply()
    {
        Assert.Equal(UsbInputField.Mult, Refused(new EndpointDescriptor(UsbSpeed.Full, TransferType.Isochronous, 1023, 1) { Mult = 2 }).Field);
        Assert.Equal(UsbInputField.Mult, Refused(new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0) { Mult = 2 }).Field);
    }

    [Fact]
    public void Burst_is_superspeed_only_and_superspeed_interrupt_bursts_stop_at_3_under_the_spec()
    {
        Assert.Equal(UsbInputField.Burst, Refused(new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0) { Burst = 2 }).Field);
        var ssInterrupt = new EndpointDescriptor(UsbSpeed.Super, TransferType.Interrupt, 1024, 1) { Burst = 4 };
        Assert.Contains("what-if", Refused(ssInterrupt).Allowed);
        Assert.NotEmpty(EndpointValidator.Validate(ssInterrupt, null, new AnalysisOptions { Policy = PollingPolicy.Windows }).Warnings);
    }

    [Fact]
    public void A_superspeed_burst_needs_1024_byte_packets() =>
        Assert.Equal(UsbInputField.MaxPacket, Refused(new EndpointDescriptor(UsbSpeed.Super, TransferType.Isochronous, 512, 1) { Burst = 2 }).Field);

    [Fact]
    public void Low_speed_has_no_bulk_except_that_linux_turns_it_into_interrupt()
    {
        var lsBulk = new EndpointDescriptor(UsbSpeed.Low, TransferType.Bulk, 8, 0);
        Assert.Equal(UsbInputField.Type, Refused(lsBulk).Field);
        var input = EndpointValidator.Validate(lsBulk, null, new AnalysisOptions { Policy = PollingPolicy.Linux });
        Assert.Equal(TransferType.Interrupt, input.Endpoint.Type);
    }

    [Theory]
    [InlineData(UsbSpeed.Full, TransferType.Bulk, 48)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 65)]
    [InlineData(UsbSpeed.High, TransferType.Control, 8)]
    [InlineData(UsbSpeed.Super, TransferType.Bulk, 512)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 0)]
    public void Packet_sizes_outside_the_spec_are_refused(UsbSpeed speed, TransferType type, int maxPacket) =>
        Assert.Equal(UsbInputField.MaxPacket, Refused(new EndpointDescriptor(speed, type, maxPacket, 1)).Field);

    [Fact]
    public void Negative_pending_reads_are_refused() =>
        Assert.Equal(UsbInputField.Pending, Refused(ThreadScenario.Endpoint, new PipelineSettings(-1, 1024, Duration.Zero)).Field);

    [Fact]
    public void A_transfer_length_that_is_not_a_multiple_of_max_packet_is_refused_as_the_framework_does()
    {
        var ex = Refused(ThreadScenario.Endpoint, new PipelineSettings(4, 1000, Duration.Zero));
        Assert.Equal(UsbInputField.Transfer, ex.Field);
        Assert.Contains("STATUS_INVALID_BUFFER_SIZE", ex.Message);
    }

    [Fact]
    public void A_continuous_reader_on_an_isochronous_endpoint_is_refused_but_a_generic_queue_is_not()
    {
        var iso = new EndpointDescriptor(UsbSpeed.High, TransferType.Isochronous, 1024, 1);
        Assert.Equal(UsbInputField.Type, Refused(iso, new PipelineSettings(4, 1024, Duration.Zero)).Field);
        var input = EndpointValidator.Validate(iso, new PipelineSettings(4, 1000, Duration.Zero) { Queue = RequestQueue.Generic });
        Assert.Equal(4, input.Pipeline!.EffectivePendingReads);
    }

    [Fact]
    public void Raw_wMaxPacketSize_bits_12_and_11_become_the_mult()
    {
        var endpoint = EndpointDescriptor.FromRaw(UsbSpeed.High, TransferType.Isochronous, TransferDirection.In, 0x1400, 1);
        Assert.Equal(1024, endpoint.MaxPacketSize);
        Assert.Equal(3, endpoint.Mult);
        Assert.Equal(UsbInputField.Mult, Assert.Throws<UsbInputException>(() =>
            EndpointDescriptor.FromRaw(UsbSpeed.High, TransferType.Isochronous, TransferDirection.In, 0x1C00, 1)).Field);
    }
}

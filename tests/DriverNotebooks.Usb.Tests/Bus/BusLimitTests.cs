namespace DriverNotebooks.Usb.Tests.Bus;

/// <summary>Per-endpoint bus maxima (domain file §1.6): periodic bytes per interval over the interval; bulk/control from the tables.</summary>
public sealed class BusLimitTests
{
    [Theory]
    [InlineData(UsbSpeed.Low, TransferType.Interrupt, 8, 10, 1, 1, 800)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 64, 1, 1, 1, 64_000)]
    [InlineData(UsbSpeed.Full, TransferType.Isochronous, 1023, 1, 1, 1, 1_023_000)]
    [InlineData(UsbSpeed.Full, TransferType.Bulk, 64, 0, 1, 1, 1_216_000)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 1024, 1, 1, 1, 8_192_000)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 1024, 1, 2, 1, 16_384_000)]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 1024, 1, 3, 1, 24_576_000)]
    [InlineData(UsbSpeed.High, TransferType.Isochronous, 1024, 1, 3, 1, 24_576_000)]
    [InlineData(UsbSpeed.High, TransferType.Bulk, 512, 0, 1, 1, 53_248_000)]
    [InlineData(UsbSpeed.High, TransferType.Control, 64, 0, 1, 1, 15_872_000)]
    [InlineData(UsbSpeed.Super, TransferType.Interrupt, 1024, 1, 1, 3, 24_576_000)]
    [InlineData(UsbSpeed.Super, TransferType.Isochronous, 1024, 1, 3, 16, 393_216_000)]
    public void Bus_limit_reproduces_the_published_maximum(UsbSpeed speed, TransferType type, int maxPacket, int interval, int mult, int burst, double expected)
    {
        var endpoint = new EndpointDescriptor(speed, type, maxPacket, interval) { Mult = mult, Burst = burst };
        Assert.Equal(expected, ThroughputAnalysis.Analyze(endpoint).BusLimitBytesPerSecond, 6);
    }

    [Fact]
    public void SuperSpeed_interrupt_with_a_burst_of_16_gives_131_MB_per_second_when_allowed_as_hosts_accept_it()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.Super, TransferType.Interrupt, 1024, 1) { Burst = 16 };
        var report = ThroughputAnalysis.Analyze(endpoint, null, new AnalysisOptions { AllowSuperSpeedInterruptBurstBeyondSpec = true });
        Assert.Equal(131_072_000, report.BusLimitBytesPerSecond, 6);
        Assert.Contains(report.Warnings, w => w.Contains("burst 16"));
    }

    [Fact]
    public void SuperSpeed_bulk_is_the_line_rate_less_32_bytes_of_framing_per_1024_byte_packet()
    {
        var report = ThroughputAnalysis.Analyze(new EndpointDescriptor(UsbSpeed.Super, TransferType.Bulk, 1024, 0));
        Assert.Equal(500e6 * 1024 / 1056, report.BusLimitBytesPerSecond, 3);
    }

    [Fact]
    public void SuperSpeed_framing_is_a_parameter()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.SuperPlus, TransferType.Bulk, 1024, 0);
        var lean = ThroughputAnalysis.Analyze(endpoint, null, new AnalysisOptions { SuperSpeedPlusPacketOverheadBytes = 0 });
        Assert.Equal(10e9 * 128 / 132 / 8, lean.BusLimitBytesPerSecond, 3);
        Assert.True(ThroughputAnalysis.Analyze(endpoint).BusLimitBytesPerSecond < lean.BusLimitBytesPerSecond);
    }

    [Fact]
    public void Worst_case_stuffing_lowers_the_hs_bulk_limit_to_11_packets_per_microframe()
    {
        var report = ThroughputAnalysis.Analyze(new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0), null, PollingPolicy.Spec, BitStuffing.WorstCase);
        Assert.Equal(11 * 512 * 8000, report.BusLimitBytesPerSecond, 6);
    }

    [Fact]
    public void SuperSpeed_framing_is_a_20_byte_data_packet_header_and_12_bytes_around_the_payload_and_link_commands_add_16_more()
    {
        Assert.Equal(32, UsbBus.SuperSpeedHeaderPacketBytes + UsbBus.SuperSpeedPayloadFramingBytes);
        Assert.Equal(UsbBus.DefaultSuperSpeedPacketOverheadBytes, AnalysisOptions.Default.SuperSpeedPacketOverheadBytes);
        Assert.Equal(48, UsbBus.SuperSpeedFramingWithLinkCommandsBytes);

        var bulk = new EndpointDescriptor(UsbSpeed.Super, TransferType.Bulk, 1024, 0);
        var withLinkCommands = ThroughputAnalysis.Analyze(bulk, null, new AnalysisOptions { SuperSpeedPacketOverheadBytes = UsbBus.SuperSpeedFramingWithLinkCommandsBytes });
        Assert.Equal(500e6 * 1024 / 1072, withLinkCommands.BusLimitBytesPerSecond, 3);
    }

    [Fact]
    public void SuperSpeedPlus_bulk_is_labelled_a_line_rate_with_the_practical_figure_and_its_source()
    {
        var report = ThroughputAnalysis.Analyze(new EndpointDescriptor(UsbSpeed.SuperPlus, TransferType.Bulk, 1024, 0));
        Assert.Contains("a line rate; a Gen 2 storage device was measured close to 900 MB/s [S26c]", report.BusLimitDerivation);
        Assert.Null(report.HostRate);
    }
}

namespace DriverNotebooks.Usb.Tests.Analysis;

/// <summary>
/// The rule "a bulk endpoint on a real host gets the measured rate": every bulk analysis states the spec ceiling and the
/// published host range with its sources, and predicts with both.
/// </summary>
public sealed class HostRateExpectationTests
{
    private static readonly EndpointDescriptor HighSpeedBulkIn = new(UsbSpeed.High, TransferType.Bulk, 512);

    [Fact]
    public void A_high_speed_bulk_IN_report_carries_the_53_248_MB_per_s_spec_ceiling_and_the_40_to_41_MB_per_s_measured_hosts_reach()
    {
        var report = ThroughputAnalysis.Analyze(HighSpeedBulkIn);

        var host = Assert.IsType<HostRateExpectation>(report.HostRate);
        Assert.Equal(53_248_000, host.SpecCeilingBytesPerSecond);
        Assert.Equal(40_000_000, host.Published.LowBytesPerSecond);
        Assert.Equal(41_000_000, host.Published.HighBytesPerSecond);
        Assert.Equal("[S22c][S10]", host.Published.Keys);
        Assert.Equal(40_000_000, host.ExpectedBytesPerSecond);
        Assert.Equal(53_248_000, report.ThroughputBytesPerSecond);
        Assert.Contains("the spec allows 53.248 MB/s; measured hosts reach about 40–41 MB/s [S22c][S10]", report.Verdict.Text);
    }

    [Theory]
    [InlineData(UsbSpeed.High, TransferDirection.Out, 512, 33_000_000, 39_000_000, "[S22d][S10]")]
    [InlineData(UsbSpeed.Super, TransferDirection.In, 1024, 320_000_000, 400_000_000, "[S22g][S24c][S24d]")]
    public void Bulk_rate_measured_predicts_with_the_low_end_of_the_published_range_and_says_so(
        UsbSpeed speed, TransferDirection direction, int maxPacket, double low, double high, string keys)
    {
        var endpoint = new EndpointDescriptor(speed, TransferType.Bulk, maxPacket) { Direction = direction };
        var report = ThroughputAnalysis.Analyze(endpoint, null, AnalysisOptions.Default.WithBulkRate("measured"));

        Assert.Equal(low, report.ThroughputBytesPerSecond);
        Assert.Equal(high, report.HostRate!.Published.HighBytesPerSecond);
        Assert.Equal(keys, report.HostRate.Published.Keys);
        Assert.Contains($"the rate measured hosts reach ({DriverNotebooks.Usb.Quantities.FormatRate(low)}, the low end of {report.HostRate.Published.Range} {keys}", report.Verdict.Text);
        Assert.Contains($"the spec allows {DriverNotebooks.Usb.Quantities.FormatRate(report.BusLimitBytesPerSecond)}", report.Verdict.Text);
    }

    [Fact]
    public void Reads_that_are_pipeline_limited_against_the_spec_ceiling_can_keep_up_with_the_slower_measured_host()
    {
        // 2 × 4096 B, 100 µs turnaround: N·L/(L/B + T) = 46.3 MB/s under 53.248 MB/s, but 40.5 MB/s over 40 MB/s.
        var pipeline = new PipelineSettings(2, 4096, Duration.FromMicroseconds(100));
        var report = ThroughputAnalysis.Analyze(HighSpeedBulkIn, pipeline);

        Assert.Equal(LimitedBy.Pipeline, report.LimitedBy);
        Assert.Equal(8192 / (4096 / 53.248e6 + 100e-6), report.ThroughputBytesPerSecond, 3);
        Assert.Equal(LimitedBy.Bus, report.HostRate!.LimitedBy);
        Assert.Equal(8192 / (4096 / 40e6 + 100e-6), report.HostRate.PipelineLimitBytesPerSecond!.Value, 3);
        Assert.Equal(40_000_000, report.HostRate.ExpectedBytesPerSecond);
        Assert.StartsWith("Pipeline-limited at 46.3", report.Verdict.Text);
        Assert.Contains("so expect about 40 MB/s, host-limited", report.Verdict.Text);
    }

    [Fact]
    public void A_reader_too_slow_for_the_measured_host_is_pipeline_limited_there_too_with_the_reads_it_would_need()
    {
        var pipeline = new PipelineSettings(1, 16384, Duration.FromMicroseconds(400));
        var host = ThroughputAnalysis.Analyze(HighSpeedBulkIn, pipeline).HostRate!;

        Assert.Equal(LimitedBy.Pipeline, host.LimitedBy);
        Assert.Equal(16384 / (16384 / 40e6 + 400e-6), host.ExpectedBytesPerSecond, 3);
        // N ≥ 1 + T·B/L = 1 + 400 µs × 40 MB/s / 16384 B = 1.98 → 2.
        Assert.Equal(2, host.PendingReadsForCeiling);
    }

    [Fact]
    public void A_rate_you_give_overrides_the_measured_hosts_and_spec_restores_the_spec_ceiling()
    {
        var options = AnalysisOptions.Default.WithBulkRate("measured").WithBulkRate("38MB/s");
        Assert.Equal(38_000_000, ThroughputAnalysis.Analyze(HighSpeedBulkIn, null, options).ThroughputBytesPerSecond);
        Assert.Equal(53_248_000, ThroughputAnalysis.Analyze(HighSpeedBulkIn, null, options.WithBulkRate("spec")).ThroughputBytesPerSecond);
    }

    [Fact]
    public void Periodic_endpoints_and_speeds_without_a_published_rate_get_no_host_expectation_and_measured_warns()
    {
        Assert.Null(ThroughputAnalysis.Analyze(ThreadScenario.Endpoint).HostRate);
        var periodic = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, null, AnalysisOptions.Default.WithBulkRate("measured"));
        Assert.Equal(8_192_000, periodic.ThroughputBytesPerSecond);
        Assert.Contains(periodic.Warnings, w => w.Contains("applies to bulk endpoints; ignored for interrupt", StringComparison.Ordinal));
        var fullSpeed = ThroughputAnalysis.Analyze(new EndpointDescriptor(UsbSpeed.Full, TransferType.Bulk, 64), null, AnalysisOptions.Default.WithBulkRate("measured"));
        Assert.Null(fullSpeed.HostRate);
        Assert.Equal(1_216_000, fullSpeed.ThroughputBytesPerSecond);
        Assert.Contains(fullSpeed.Warnings, w => w.Contains("no published host rate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bulk_rate_that_is_neither_spec_measured_nor_a_rate_is_refused_naming_all_three()
    {
        var error = Assert.Throws<UsbInputException>(() => AnalysisOptions.Default.WithBulkRate("fast"));
        Assert.Equal(UsbInputField.BulkRate, error.Field);
        Assert.Contains("spec, measured, or a positive rate", error.Message, StringComparison.Ordinal);
    }
}

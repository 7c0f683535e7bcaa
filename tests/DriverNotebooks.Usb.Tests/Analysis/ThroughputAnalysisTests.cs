namespace DriverNotebooks.Usb.Tests.Analysis;

/// <summary>The three answers for an endpoint: bus limit, pipeline limit, which binds, and the verdict.</summary>
public sealed class ThroughputAnalysisTests
{
    [Fact]
    public void The_threads_reader_is_bus_limited_at_8_192_000_bytes_per_second()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, ThreadScenario.Pipeline);

        Assert.Equal(8_192_000, report.BusLimitBytesPerSecond);
        Assert.Equal(16_384_000, report.PipelineLimitBytesPerSecond!.Value, 6);
        Assert.Equal(8_192_000, report.ThroughputBytesPerSecond);
        Assert.Equal(LimitedBy.Bus, report.LimitedBy);
        Assert.Equal(125e-6, report.ServicePeriodSeconds, 15);
        Assert.Equal(1024, report.BytesPerInterval);
        Assert.Equal(20835, report.TransactionBusTimeNanoseconds);
        Assert.Equal(4, report.EffectivePendingReads);
        Assert.Equal(375e-6, report.TurnaroundBudgetSeconds!.Value, 15);
    }

    [Fact]
    public void The_threads_verdict_names_the_bus_and_the_descriptor_changes_that_lift_it()
    {
        var verdict = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, ThreadScenario.Pipeline).Verdict;
        Assert.StartsWith("Device-limited at 8.192 MB/s", verdict.Text);
        Assert.Contains("high-bandwidth mult 3 (24.576 MB/s)", verdict.Text);
        Assert.Equal(LimitedBy.Bus, verdict.Limit);
        Assert.Equal([Remedy.HighBandwidthMult, Remedy.BulkEndpoint], verdict.Remedies);
    }

    [Fact]
    public void A_600_us_turnaround_is_pipeline_limited_and_the_verdict_asks_for_more_reads_or_a_faster_completion_path()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, ThreadScenario.SlowPipeline);

        Assert.Equal(LimitedBy.Pipeline, report.LimitedBy);
        Assert.Equal(4.0 * 1024 / (6 * 125e-6), report.ThroughputBytesPerSecond, 6);
        Assert.Equal(5, report.LostIntervalsPerRequest);
        Assert.StartsWith("Pipeline-limited at 5.461 MB/s while the device's descriptor allows 8.192 MB/s", report.Verdict.Text);
        Assert.Contains("6 pending reads", report.Verdict.Text);
        Assert.Contains("faster completion path (turnaround under 375 µs)", report.Verdict.Text);
        Assert.Equal([Remedy.MorePendingReads, Remedy.LongerTransfers, Remedy.FasterCompletionPath], report.Verdict.Remedies);
    }

    [Fact]
    public void When_more_than_10_reads_would_be_needed_the_verdict_leads_with_longer_transfers()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, new PipelineSettings(4, 1024, Duration.FromMilliseconds(2)));
        Assert.Equal(Remedy.LongerTransfers, report.Verdict.Remedies[0]);
        Assert.Contains("cap of 10", report.Verdict.Text);
    }

    [Fact]
    public void Without_a_pipeline_only_the_bus_answers()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint);
        Assert.Null(report.PipelineLimitBytesPerSecond);
        Assert.Null(report.LimitedBy);
        Assert.Equal(report.BusLimitBytesPerSecond, report.ThroughputBytesPerSecond);
        Assert.StartsWith("The bus allows 8.192 MB/s", report.Verdict.Text);
    }

    [Fact]
    public void A_short_request_on_a_high_bandwidth_endpoint_is_transfer_length_limited_and_asks_for_whole_intervals_not_more_reads()
    {
        var endpoint = ThreadScenario.Endpoint with { Mult = 3 };
        var report = ThroughputAnalysis.Analyze(endpoint, new PipelineSettings(10, 1024, Duration.Zero));
        Assert.Equal(LimitedBy.Pipeline, report.LimitedBy);
        Assert.Equal(8_192_000, report.ThroughputBytesPerSecond, 6);
        Assert.StartsWith("Transfer-length-limited at 8.192 MB/s", report.Verdict.Text);
        Assert.Contains("more pending reads would not lift it", report.Verdict.Text);
        Assert.Contains("transfers of 3072 B or a multiple", report.Verdict.Text);
        Assert.Equal([Remedy.LongerTransfers], report.Verdict.Remedies);
    }

    [Fact]
    public void Bulk_uses_the_effective_host_rate_when_given()
    {
        var bulk = new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0);
        var options = new AnalysisOptions { BulkRateBytesPerSecond = 40_000_000 };
        var report = ThroughputAnalysis.Analyze(bulk, new PipelineSettings(3, 16384, Duration.FromMicroseconds(50)), options);

        Assert.Equal(53_248_000, report.BusLimitBytesPerSecond, 6);
        Assert.Equal(LimitedBy.Bus, report.LimitedBy);
        Assert.Equal(40_000_000, report.ThroughputBytesPerSecond);
        Assert.Contains("effective host bulk rate", report.Verdict.Text);
    }

    [Fact]
    public void A_single_bulk_read_is_pipeline_limited()
    {
        var bulk = new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0);
        var report = ThroughputAnalysis.Analyze(bulk, new PipelineSettings(1, 16384, Duration.FromMicroseconds(100)));
        Assert.Equal(LimitedBy.Pipeline, report.LimitedBy);
        Assert.Equal(16384 / (16384 / 53_248_000.0 + 100e-6), report.ThroughputBytesPerSecond, 3);
    }

    [Fact]
    public void A_bulk_rate_above_the_bus_limit_is_refused()
    {
        var bulk = new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0);
        var ex = Assert.Throws<UsbInputException>(() => ThroughputAnalysis.Analyze(bulk, null, new AnalysisOptions { BulkRateBytesPerSecond = 60e6 }));
        Assert.Equal(UsbInputField.BulkRate, ex.Field);
        Assert.Contains("53.248 MB/s", ex.Allowed);
    }

    [Fact]
    public void Pending_reads_0_means_the_framework_default_2()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, new PipelineSettings(0, 1024, Duration.FromMicroseconds(100)));
        Assert.Equal(2, report.EffectivePendingReads);
        Assert.Contains(report.Warnings, w => w.Contains("default of 2"));
    }

    [Fact]
    public void Twelve_pending_reads_are_10_unless_the_what_if_is_on()
    {
        var pipeline = new PipelineSettings(12, 1024, Duration.FromMicroseconds(100));
        Assert.Equal(10, ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, pipeline).EffectivePendingReads);
        Assert.Equal(12, ThroughputAnalysis.Analyze(ThreadScenario.Endpoint, pipeline with { AllowPendingReadsBeyondFrameworkMax = true }).EffectivePendingReads);
    }

    [Fact]
    public void Polling_every_8_microframes_under_windows_divides_the_ceiling_by_8()
    {
        var endpoint = ThreadScenario.Endpoint with { Interval = 4 };
        var report = ThroughputAnalysis.Analyze(endpoint, null, PollingPolicy.Windows);
        Assert.Equal(1_024_000, report.BusLimitBytesPerSecond, 6);
        Assert.Contains("bInterval 1 (8.192 MB/s)", report.Verdict.Text);
    }
}

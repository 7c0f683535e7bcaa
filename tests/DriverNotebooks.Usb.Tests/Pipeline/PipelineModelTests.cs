namespace DriverNotebooks.Usb.Tests.Pipeline;

/// <summary>The pipeline model of domain file §4.2: X_pipe = N·L / ((k+s)·P) for periodic, N·L / (L/B + T) for bulk.</summary>
public sealed class PipelineModelTests
{
    private static readonly Duration Microframe = Duration.FromMicroseconds(125);

    private static PipelineLimit Thread(int n, double turnaroundMicroseconds, long length = 1024, long bytesPerInterval = 1024) =>
        PipelineModel.Periodic(n, length, bytesPerInterval, Microframe, Duration.FromMicroseconds(turnaroundMicroseconds));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 1)]
    [InlineData(125, 1)]
    [InlineData(125.001, 2)]
    [InlineData(375, 3)]
    [InlineData(600, 5)]
    public void Lost_intervals_are_the_turnaround_rounded_up_to_whole_service_intervals(double microseconds, long expected) =>
        Assert.Equal(expected, PipelineModel.LostIntervals(Duration.FromMicroseconds(microseconds), Microframe));

    [Theory]
    [InlineData(100, 16_384_000)]   // 4·1024 / (2·125 µs)
    [InlineData(375, 8_192_000)]    // s = 3: exactly the bus rate
    [InlineData(376, 6_553_600)]    // s = 4
    [InlineData(600, 5_461_333.333333333)]
    public void Four_reads_of_1024_bytes_give_this_pipeline_limit(double turnaroundMicroseconds, double expected) =>
        Assert.Equal(expected, Thread(4, turnaroundMicroseconds).BytesPerSecond, 6);

    [Fact]
    public void Four_pending_reads_keep_up_while_the_turnaround_stays_under_375_us()
    {
        // Domain file §0: "keeps up as long as the time to complete and resubmit one read stays under ~3 µframes (≈375 µs)".
        Assert.Equal(Duration.FromMicroseconds(375), Thread(4, 100).TurnaroundBudget);
        Assert.Equal(Duration.Zero, Thread(1, 0).TurnaroundBudget);
    }

    [Fact]
    public void A_600_us_turnaround_needs_6_pending_reads_or_2048_byte_transfers()
    {
        var limit = Thread(4, 600);
        Assert.Equal(6, limit.PendingReadsForCeiling);
        Assert.Equal(2048, limit.TransferLengthForCeiling);
        Assert.True(PipelineModel.Periodic(4, 2048, 1024, Microframe, Duration.FromMicroseconds(600)).BytesPerSecond >= 8_192_000);
        Assert.True(Thread(6, 600).BytesPerSecond >= 8_192_000);
    }

    [Fact]
    public void A_request_shorter_than_one_high_bandwidth_interval_caps_the_rate_at_one_request_per_interval()
    {
        var limit = Thread(10, 0, length: 1024, bytesPerInterval: 3072);
        Assert.True(limit.RequestSizeLimited);
        Assert.Equal(8_192_000, limit.BytesPerSecond, 6);
    }

    [Theory]
    [InlineData(3072, 3072, 1)]   // the device fills the read: ceil(L / Bpi)
    [InlineData(1500, 1500, 1)]   // a read that is not whole packets ends on its own short packet (1024 + 476)
    [InlineData(4000, 4000, 2)]   // 3 full packets, then a 928-B short one in the next interval
    [InlineData(3072, 1000, 1)]   // the device ends the transfer early with a short packet: retired in that interval
    [InlineData(4096, 3072, 2)]   // 3 full packets fill the read only partly: a zero-length packet ends it, one interval later
    [InlineData(3072, 0, 1)]      // nothing to send: a zero-length packet retires the read
    public void A_short_packet_retires_the_request_in_the_interval_that_carries_it(long requested, long bytes, int intervals) =>
        Assert.Equal(intervals, PipelineModel.IntervalsPerTransfer(bytes, requested, maxPacket: 1024, packetsPerInterval: 3));

    [Fact]
    public void A_device_that_sends_1000_bytes_per_transfer_on_a_mult_3_endpoint_delivers_1000_bytes_per_microframe()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, 1) { Mult = 3 };
        var pipeline = new PipelineSettings(4, 3072, Duration.FromMicroseconds(100)) { DeviceTransferBytes = 1000 };

        var report = ThroughputAnalysis.Analyze(endpoint, pipeline);

        Assert.Equal(1000 * 8000, report.ThroughputBytesPerSecond, 6);
        Assert.Equal(LimitedBy.Pipeline, report.LimitedBy);
        Assert.StartsWith("Short-packet-limited at 8 MB/s", report.Verdict.Text, StringComparison.Ordinal);
        Assert.Contains("ends each 3072 B read after 1000 B with a short packet", report.Verdict.Text, StringComparison.Ordinal);
        Assert.Equal(Remedy.FullDeviceTransfers, report.Verdict.Remedies[0]);
    }

    [Fact]
    public void A_device_transfer_of_whole_packets_shorter_than_the_read_costs_a_zero_length_packet_in_the_next_interval()
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, 1) { Mult = 3 };
        var pipeline = new PipelineSettings(4, 4096, Duration.Zero) { DeviceTransferBytes = 3072 };
        Assert.Equal(3072 / (2 * 125e-6), ThroughputAnalysis.Analyze(endpoint, pipeline).ThroughputBytesPerSecond, 6);
    }

    [Fact]
    public void Bulk_form_is_n_transfers_per_transfer_time_plus_turnaround()
    {
        var limit = PipelineModel.Bulk(1, 16384, 53_248_000, Duration.FromMicroseconds(100));
        Assert.Equal(16384 / (16384 / 53_248_000.0 + 100e-6), limit.BytesPerSecond, 3);
        Assert.Equal(2, limit.PendingReadsForCeiling);
        Assert.Null(limit.TransferLengthForCeiling);
        Assert.Equal(Duration.FromSeconds(16384 / 53_248_000.0), PipelineModel.Bulk(2, 16384, 53_248_000, Duration.Zero).TurnaroundBudget);
    }

    [Fact]
    public void Bulk_transfer_length_for_the_ceiling_is_rounded_up_to_whole_packets()
    {
        // 2 reads, T = 100 µs at 53.248 MB/s: L ≥ B·T / (N−1) = 5324.8 B → 11 packets of 512 B.
        var limit = PipelineModel.Bulk(2, 1024, 53_248_000, Duration.FromMicroseconds(100), 512);
        Assert.Equal(5632, limit.TransferLengthForCeiling);
    }
}

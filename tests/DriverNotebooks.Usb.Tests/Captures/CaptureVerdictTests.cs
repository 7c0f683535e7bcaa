using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// The verdict from a capture: each rule on a capture of a reader whose behaviour is known by construction
/// (<see cref="SyntheticReaderCapture"/>: N reads of L bytes, served back to back, resubmitted T after completing).
/// </summary>
public sealed class CaptureVerdictTests
{
    private static readonly EndpointDescriptor HighSpeedBulkIn = new(UsbSpeed.High, TransferType.Bulk, 512, 0);

    /// <summary>Bus time of <paramref name="bytes"/> at the HS bulk spec budget, 13 × 512 B per 125 µs = 53.248 MB/s.</summary>
    private static long AtSpecRate(long bytes) => (long)Math.Round(bytes / 53_248_000.0 * 1e9);

    private static EndpointMeasurement Measure(SyntheticReaderCapture reader, long records = 4000)
    {
        using var stream = new MemoryStream();
        reader.Write(stream, records);
        stream.Position = 0;
        return Assert.Single(CaptureAnalysis.Analyze(stream, "synthetic").Endpoints);
    }

    [Fact]
    public void Two_reads_with_a_long_turnaround_are_pipeline_limited_and_the_model_at_the_measured_N_matches_within_10_percent()
    {
        // X = N·L / (L/B + T) = 2 × 16384 / (307.7 µs + 1 ms) = 25.06 MB/s, under both the spec's 53.248 and the hosts' 40 MB/s.
        var m = Measure(new SyntheticReaderCapture(2, 16384, AtSpecRate(16384), 1_000_000));
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);

        Assert.Equal(MeasuredLimit.Pipeline, v.LimitedBy);
        Assert.Equal(2, v.PendingReads);
        Assert.Equal(16384, v.TransferLength);
        Assert.Equal(2 * 16384 / (16384 / 53_248_000.0 + 1e-3), v.MeasuredBytesPerSecond, 0.01 * v.MeasuredBytesPerSecond);
        Assert.InRange(Math.Abs(v.ModelDeviation!.Value), 0, 0.10);
        Assert.InRange(v.SimulatedBytesPerSecond!.Value, 0.9 * v.MeasuredBytesPerSecond, 1.1 * v.MeasuredBytesPerSecond);
        // The levers: one more read helps, and some N or L reaches the ceiling.
        Assert.Equal("3 requests in flight", v.WhatIfs[0].Lever);
        Assert.True(v.WhatIfs[0].PredictedBytesPerSecond > v.ModelBytesPerSecond);
        Assert.Contains(v.WhatIfs, w => w.PendingReads > 3 && w.PredictedBytesPerSecond >= 0.99 * 53_248_000);
        Assert.Contains(v.WhatIfs, w => w.TransferLength > 16384 && w.PendingReads == 2);
        Assert.StartsWith("Pipeline-limited (1:5 0x81)", v.Summary);
    }

    [Fact]
    public void Four_reads_that_hide_their_turnaround_run_at_the_bus_ceiling_and_are_bus_limited()
    {
        var m = Measure(new SyntheticReaderCapture(4, 16384, AtSpecRate(16384), 100_000));
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);
        Assert.Equal(MeasuredLimit.Bus, v.LimitedBy);
        Assert.InRange(v.MeasuredBytesPerSecond, 0.99 * 53_248_000, 1.01 * 53_248_000);
    }

    [Fact]
    public void A_reader_at_the_measured_hosts_bulk_rate_is_bus_limited_by_the_host()
    {
        // 40 MB/s is under 90 % of the spec's 53.248 MB/s but at the low end of what measured hosts reach [S22c][S10].
        var m = Measure(new SyntheticReaderCapture(4, 16384, (long)Math.Round(16384 / 40_000_000.0 * 1e9), 100_000));
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);
        Assert.Equal(MeasuredLimit.Bus, v.LimitedBy);
        Assert.Equal(40_000_000, v.HostRateBytesPerSecond);
        Assert.Contains("measured hosts reach", v.Summary);
    }

    [Fact]
    public void Reads_that_wait_in_flight_while_the_bus_has_room_are_device_limited()
    {
        // The device fills 16 KiB every 2 ms (8.192 MB/s); four reads are always queued, so each waits about 8 ms.
        var m = Measure(new SyntheticReaderCapture(4, 16384, 2_000_000, 50_000));
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);
        Assert.Equal(MeasuredLimit.Device, v.LimitedBy);
        // The spec's ceiling would serve four reads at 53.248 MB/s; the device delivered 8.192 MB/s, and that is the rate its
        // transfers moved at while they waited, so the model served at that rate explains nothing the pipeline could change.
        Assert.Contains("well under the 53.248 MB/s the model allows at N = 4", v.Summary);
        Assert.Equal(8_192_000, v.ServiceRateBytesPerSecond!.Value, 0.01 * 8_192_000);
        Assert.Contains("would not help", v.Summary);
    }

    [Fact]
    public void One_request_at_a_time_at_a_steady_cadence_is_application_limited()
    {
        // A polling loop: one 512 B read, then 10 ms before the next.
        var m = Measure(new SyntheticReaderCapture(1, 512, AtSpecRate(512), 10_000_000), records: 400);
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);
        Assert.Equal(MeasuredLimit.Application, v.LimitedBy);
        Assert.Contains("a polling loop, not a reader", v.Summary);
    }

    [Fact]
    public void Fewer_than_20_transfers_get_no_verdict()
    {
        var m = Measure(new SyntheticReaderCapture(2, 16384, AtSpecRate(16384), 1_000_000), records: 30);
        var v = CaptureVerdict.Decide(m, HighSpeedBulkIn);
        Assert.Equal(MeasuredLimit.Undetermined, v.LimitedBy);
        Assert.Null(v.ModelBytesPerSecond);
    }

    [Fact]
    public void A_measured_turnaround_with_one_value_is_fixed_and_a_spread_one_is_the_measured_distribution_itself()
    {
        Assert.True(MeasuredTurnaround.From(new DurationSummary(10, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4))!.IsFixed);
        Assert.Null(MeasuredTurnaround.From(DurationSummary.Empty));

        // A bimodal driver: 90 % of resubmits after 100 µs, 10 % after 10 ms (a frame boundary). Mean 1.09 ms.
        var m = Measure(new SyntheticReaderCapture(1, 16384, AtSpecRate(16384), 100_000), records: 2);
        var percentiles = Enumerable.Range(0, 101).Select(i => i <= 90 ? 100e-6 : 10e-3).ToArray();
        var bimodal = new DurationSummary(1000, 100e-6, 100e-6, 100e-6, 10e-3, 10e-3, 1.09e-3) { Percentiles = percentiles };
        var measured = Assert.IsType<EmpiricalTurnaround>(MeasuredTurnaround.From(bimodal));
        Assert.InRange(measured.MeanSeconds, 1.0e-3, 1.2e-3);
        Assert.Equal(10e-3, measured.QuantileSeconds(1), 12);
        Assert.Equal(100e-6, measured.QuantileSeconds(0.5), 12);
        // The lognormal through p50/p90/p99 alone would extrapolate far past the 10 ms the capture never exceeded.
        var fitted = MeasuredTurnaround.From(bimodal with { Percentiles = [] })!;
        Assert.True(fitted.QuantileSeconds(0.9999) > 20e-3);
        Assert.NotNull(m);
    }
}

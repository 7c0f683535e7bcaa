namespace DriverNotebooks.Usb.Tests.Simulation;

/// <summary>
/// A bulk reader is simulated in packet slots at the host's ceiling: the continuous bulk model
/// X = min(B, N·L / (L/B + T)) holds to within one slot per request, and the ceiling is the one the analysis uses.
/// </summary>
public sealed class BulkSimulationTests
{
    private static readonly EndpointDescriptor HighSpeedBulkIn = new(UsbSpeed.High, TransferType.Bulk, 512, 0);

    [Fact]
    public void A_bulk_reader_with_a_fixed_turnaround_moves_one_request_per_k_plus_s_packet_slots()
    {
        // HS bulk, spec budget 13 × 512 B per 125 µs = 53.248 MB/s: one 512 B packet every 9.615 µs.
        var turnaround = Duration.FromMicroseconds(300);
        var r = ReaderSimulation.Run(new SimulationSettings(HighSpeedBulkIn, 1, 16384, TurnaroundDistribution.Fixed(turnaround)));

        Assert.Equal(SimulationCeiling.BusBudget, r.Ceiling);
        Assert.Equal(53_248_000, r.BusLimitBytesPerSecond, 1e-6);
        Assert.Equal(512 / 53_248_000.0, r.ServicePeriodSeconds, 1e-12);
        // k = 16384 / 512 = 32 slots to move the request, s = ceil(300 µs / 9.615 µs) = 32 slots lost to the turnaround.
        var slotsPerRequest = 32 + 32;
        // The first request completes after its 32 slots, every later one k + s slots after the one before.
        Assert.Equal((r.SimulatedIntervals - 32) / slotsPerRequest + 1, r.CompletedRequests);
        Assert.Equal(16384 / (slotsPerRequest * r.ServicePeriodSeconds), r.ThroughputBytesPerSecond, 16384 / r.SimulatedSeconds);

        // The continuous model places each resubmission at most one slot earlier: within 1/64 of it here.
        var continuous = PipelineModel.Bulk(1, 16384, 53_248_000, turnaround).BytesPerSecond;
        Assert.InRange(r.ThroughputBytesPerSecond, continuous * (1 - 1.0 / slotsPerRequest), continuous);
    }

    [Fact]
    public void With_the_measured_hosts_rate_a_deep_bulk_pipeline_tops_out_at_that_rate()
    {
        // Published HS bulk IN measurements reach 40–41 MB/s; --bulk-rate measured predicts with the low end.
        var options = AnalysisOptions.Default.WithBulkRate("measured");
        var r = ReaderSimulation.Run(new SimulationSettings(HighSpeedBulkIn, 4, 65536, TurnaroundDistribution.Fixed(Duration.FromMicroseconds(100))) { Options = options });

        Assert.Equal(SimulationCeiling.HostRate, r.Ceiling);
        Assert.Equal(40_000_000, r.BusLimitBytesPerSecond, 1e-6);
        Assert.Equal(40_000_000, r.ThroughputBytesPerSecond, 40_000_000 * 1e-3);
        Assert.Equal(LimitedBy.Bus, r.AnalyticLimitedBy);
    }

    [Fact]
    public void A_given_bulk_rate_above_the_bus_limit_is_refused_as_in_the_analysis()
    {
        var options = AnalysisOptions.Default.WithBulkRate("60MB/s");
        var settings = new SimulationSettings(HighSpeedBulkIn, 2, 16384, TurnaroundDistribution.Fixed(Duration.Zero)) { Options = options };
        var simulated = Assert.Throws<UsbInputException>(() => ReaderSimulation.Run(settings));
        var analysed = Assert.Throws<UsbInputException>(() => ThroughputAnalysis.Analyze(HighSpeedBulkIn, new PipelineSettings(2, 16384, Duration.Zero), options));
        Assert.Equal(analysed.Message, simulated.Message);
    }

    [Fact]
    public void A_bulk_sweep_simulates_every_point_and_more_reads_close_the_gap_to_the_ceiling()
    {
        var result = Sweep.Run(new SweepSettings(HighSpeedBulkIn)
        {
            PendingReads = [1, 2, 4],
            TransferLengths = [16384],
            Turnarounds = [TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(150), Duration.FromMicroseconds(600))],
            Seeds = 3,
            SimulatedTime = Duration.FromMilliseconds(200),
            MaxDegreeOfParallelism = 1,
        });
        Assert.All(result.Rows, row => Assert.NotNull(row.SimulatedMeanBytesPerSecond));
        var means = result.Rows.Select(row => row.SimulatedMeanBytesPerSecond!.Value).ToArray();
        Assert.True(means[0] < means[1] && means[1] < means[2], string.Join(", ", means));
        Assert.InRange(means[2], 0.99 * 53_248_000, 53_248_000);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("not simulated"));
    }
}

namespace DriverNotebooks.Usb.Tests.Simulation;

/// <summary>The reader simulation: reproducible, self-consistent counters, device FIFO accounting, timeline.</summary>
public sealed class ReaderSimulationTests
{
    private static readonly SimulationSettings Thread = ThreadScenario.Simulation with { SimulatedTime = Duration.FromSeconds(1) };

    private static object Fingerprint(SimulationResult r) => (r.DeliveredBytes, r.CompletedRequests, r.BusyIntervals, r.IdleIntervals,
        r.LostOpportunities, r.StarvedIntervals, r.ProducedBytes, r.DroppedBytes, r.FinalFifoFillBytes, r.Latency);

    [Fact]
    public void Same_seed_gives_identical_results()
    {
        var settings = Thread with { Seed = 7, Device = new DeviceSource(8_100_000, 4096) };
        Assert.Equal(Fingerprint(ReaderSimulation.Run(settings)), Fingerprint(ReaderSimulation.Run(settings)));
        var reused = new ReaderSimulator();
        reused.Run(Thread with { Seed = 99, PendingReads = 7 });
        Assert.Equal(Fingerprint(ReaderSimulation.Run(settings)), Fingerprint(reused.Run(settings)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Vector_and_ring_request_sets_give_identical_results(int pendingReads)
    {
        foreach (var settings in new[] { Thread, Thread with { Device = new DeviceSource(7_900_000, 3072) } })
        {
            var s = settings with { PendingReads = pendingReads, Seed = 11 };
            Assert.Equal(Fingerprint(new ReaderSimulator().Run(s)), Fingerprint(new ReaderSimulator { ForceRing = true }.Run(s)));
        }
    }

    [Fact]
    public void Different_seeds_give_different_random_turnarounds() =>
        Assert.NotEqual(Fingerprint(ReaderSimulation.Run(Thread with { Seed = 1 })), Fingerprint(ReaderSimulation.Run(Thread with { Seed = 2 })));

    [Fact]
    public void Asking_for_a_timeline_does_not_change_the_result()
    {
        foreach (var settings in new[] { Thread, Thread with { Device = new DeviceSource(7_000_000, 2048) } })
        {
            var plain = ReaderSimulation.Run(settings);
            var charted = ReaderSimulation.Run(settings with { Timeline = new TimelineOptions(37) });
            Assert.Null(plain.Timeline);
            Assert.Equal(Fingerprint(plain), Fingerprint(charted));
        }
    }

    [Fact]
    public void Every_service_interval_is_busy_starved_or_idle_and_lost_opportunities_are_idle_ones()
    {
        var r = ReaderSimulation.Run(Thread with { PendingReads = 2, Device = new DeviceSource(6_000_000, 8192) });
        Assert.Equal(r.SimulatedIntervals, r.BusyIntervals + r.StarvedIntervals + r.IdleIntervals);
        Assert.InRange(r.LostOpportunities, 1, r.IdleIntervals);
        Assert.True(r.StarvedIntervals > 0);
    }

    [Fact]
    public void Device_bytes_are_delivered_dropped_or_still_in_the_fifo()
    {
        var r = ReaderSimulation.Run(Thread with { PendingReads = 2, Device = new DeviceSource(8_192_000, 4096) });
        Assert.True(r.DroppedBytes > 0);
        Assert.InRange(r.ProducedBytes - (r.DeliveredBytes + r.DroppedBytes + r.FinalFifoFillBytes), -2, 2);
    }

    [Fact]
    public void A_device_slower_than_the_bus_is_read_at_its_own_rate_with_enough_reads()
    {
        var r = ReaderSimulation.Run(Thread with { PendingReads = 8, Device = new DeviceSource(4_000_000, 16384) });
        Assert.Equal(0, r.DroppedBytes);
        Assert.Equal(4_000_000, r.ThroughputBytesPerSecond, 4_000_000 * 0.002);
        Assert.Equal(4_000_000, r.AnalyticBytesPerSecond, 1e-6);
    }

    [Fact]
    public void With_an_always_ready_device_every_idle_interval_is_a_lost_opportunity()
    {
        var r = ReaderSimulation.Run(Thread with { PendingReads = 1 });
        Assert.True(r.IdleIntervals > 0);
        Assert.Equal(r.IdleIntervals, r.LostOpportunities);
        Assert.Equal(0, r.StarvedIntervals);
    }

    [Fact]
    public void Latency_percentiles_are_ordered_and_bounded_by_the_maximum()
    {
        var l = ReaderSimulation.Run(Thread).Latency;
        Assert.True(l.P50Seconds <= l.P90Seconds && l.P90Seconds <= l.P99Seconds && l.P99Seconds <= l.MaxSeconds);
        Assert.True(l.P50Seconds >= 125e-6);
    }

    [Fact]
    public void A_fixed_turnaround_gives_one_latency_after_the_first_read()
    {
        // N = 1, T = 100 µs: each read is served in the first interval after its turnaround and completes one interval later:
        // latency = 2 intervals − 100 µs = 150 µs (the first read, submitted at 0, takes 125 µs).
        // Percentiles come from 1/128-wide bins (±0.4 %); the maximum and the mean are exact.
        var r = ReaderSimulation.Run(Thread with { PendingReads = 1, Turnaround = TurnaroundDistribution.Fixed(Duration.FromMicroseconds(100)) });
        Assert.Equal(150e-6, r.Latency.P50Seconds, 150e-6 * 0.004);
        Assert.Equal(150e-6, r.Latency.P99Seconds, 150e-6 * 0.004);
        Assert.Equal(150e-6, r.Latency.MaxSeconds, 12);
        Assert.Equal((125e-6 + 150e-6 * (r.CompletedRequests - 1)) / r.CompletedRequests, r.Latency.MeanSeconds, 12);
    }

    [Fact]
    public void The_timeline_adds_up_to_the_run()
    {
        var r = ReaderSimulation.Run(Thread with { PendingReads = 3, Device = new DeviceSource(7_500_000, 4096), Timeline = new TimelineOptions(50, 20) });
        var t = r.Timeline!;
        Assert.Equal(50, t.Buckets.Count);
        Assert.Equal(r.SimulatedIntervals, t.Buckets.Sum(b => b.Intervals));
        Assert.Equal(r.DeliveredBytes, t.Buckets.Sum(b => b.DeliveredBytes));
        Assert.Equal(r.LostOpportunities, t.Buckets.Sum(b => b.LostOpportunities));
        Assert.Equal(r.IdleIntervals, t.Buckets.Sum(b => b.IdleIntervals));
        Assert.All(t.Buckets, b => Assert.InRange(b.AverageQueuedRequests, 0, 3));
        Assert.Equal(20, t.LatencyHistogram.Count);
        Assert.Equal(r.CompletedRequests, t.LatencyHistogram.Sum(b => b.Count));
        var busyShare = r.BusyIntervals / (double)r.SimulatedIntervals;
        Assert.True(t.Buckets.Average(b => b.AverageQueuedRequests) >= busyShare);
    }

    [Fact]
    public void Control_endpoints_are_not_simulated()
    {
        var control = new SimulationSettings(new EndpointDescriptor(UsbSpeed.High, TransferType.Control, 64, 0), 1, 64, TurnaroundDistribution.Fixed(Duration.Zero))
        {
            Queue = RequestQueue.Generic, // a KMDF continuous reader refuses a control pipe before the simulator is asked
        };
        var error = Assert.Throws<UsbInputException>(() => ReaderSimulation.Run(control));
        Assert.Equal(UsbInputField.Type, error.Field);
        Assert.Contains("allowed: interrupt, isochronous or bulk", error.Message);
    }

    [Fact]
    public void A_fifo_smaller_than_one_packet_is_refused() =>
        Assert.Equal(UsbInputField.FifoDepth, Assert.Throws<UsbInputException>(() => ReaderSimulation.Run(Thread with { Device = new DeviceSource(1e6, 512) })).Field);
}

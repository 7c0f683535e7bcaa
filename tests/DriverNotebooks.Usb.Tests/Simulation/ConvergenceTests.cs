namespace DriverNotebooks.Usb.Tests.Simulation;

/// <summary>
/// Where the simulation's assumptions match the analytic model (fixed turnaround, device always ready) it reproduces
/// min(bus, pipeline); with a random turnaround the mean converges as the simulated time grows.
/// </summary>
public sealed class ConvergenceTests
{
    /// <summary>
    /// Tolerance: the start-up transient (all N reads queued at time 0) and the cut at the end shift the delivered bytes by at
    /// most one round of N requests, N·L bytes, so |simulated − analytic| ≤ N·L / simulated time.
    /// </summary>
    [Theory]
    [InlineData(1, 1024, 1, 1, 0)]
    [InlineData(1, 1024, 1, 1, 100)]
    [InlineData(2, 1024, 1, 1, 200)]
    [InlineData(4, 1024, 1, 1, 100)]
    [InlineData(4, 1024, 1, 1, 375)]
    [InlineData(4, 1024, 1, 1, 600)]
    [InlineData(3, 2048, 1, 1, 300)]
    [InlineData(10, 1024, 1, 1, 1000)]
    [InlineData(2, 4096, 1, 3, 250)]
    [InlineData(5, 1024, 1, 3, 0)]
    [InlineData(2, 1024, 3, 1, 700)]
    public void Fixed_turnaround_simulation_equals_the_analytic_minimum(int n, long length, int bInterval, int mult, double turnaroundMicroseconds)
    {
        var endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, bInterval) { Mult = mult };
        var turnaround = Duration.FromMicroseconds(turnaroundMicroseconds);
        var settings = new SimulationSettings(endpoint, n, length, TurnaroundDistribution.Fixed(turnaround)) { SimulatedTime = Duration.FromSeconds(2) };

        var simulated = ReaderSimulation.Run(settings);
        var analytic = ThroughputAnalysis.Analyze(endpoint, new PipelineSettings(n, length, turnaround)).ThroughputBytesPerSecond;

        Assert.Equal(analytic, simulated.AnalyticBytesPerSecond, 6);
        Assert.Equal(analytic, simulated.ThroughputBytesPerSecond, n * length / simulated.SimulatedSeconds);
    }

    [Fact]
    public void A_single_read_with_exponential_turnaround_converges_to_the_mean_lost_interval_formula()
    {
        // N = 1 has no queueing, so X = L / ((k + E[ceil(T/P)]) · P) exactly in the long run.
        var settings = new SimulationSettings(ThreadScenario.Endpoint, 1, 1024, TurnaroundDistribution.Exponential(Duration.FromMicroseconds(200)));
        double Error(double seconds, ulong seed)
        {
            var r = ReaderSimulation.Run(settings with { SimulatedTime = Duration.FromSeconds(seconds), Seed = seed });
            return Math.Abs(r.ThroughputBytesPerSecond - r.AnalyticBytesPerSecond) / r.AnalyticBytesPerSecond;
        }

        var shortRuns = Enumerable.Range(1, 5).Average(s => Error(0.1, (ulong)s));
        var longRuns = Enumerable.Range(1, 5).Average(s => Error(20, (ulong)s));
        Assert.True(longRuns < shortRuns / 4, $"mean error {longRuns:P3} after 20 s vs {shortRuns:P3} after 0.1 s");
        Assert.True(longRuns < 0.002, $"mean error {longRuns:P3}");
    }

    [Fact]
    public void With_random_turnaround_the_seed_to_seed_spread_shrinks_as_the_run_grows_and_stays_under_the_analytic_bound()
    {
        double Spread(double seconds, out double bound, out double max)
        {
            var runs = Enumerable.Range(1, 8)
                .Select(s => ReaderSimulation.Run(ThreadScenario.Simulation with { PendingReads = 2, SimulatedTime = Duration.FromSeconds(seconds), Seed = (ulong)s }))
                .ToList();
            bound = runs[0].AnalyticBytesPerSecond;
            max = runs.Max(r => r.ThroughputBytesPerSecond);
            return max - runs.Min(r => r.ThroughputBytesPerSecond);
        }

        var shortSpread = Spread(0.05, out _, out _);
        var longSpread = Spread(5, out var bound, out var longMax);
        Assert.True(longSpread < shortSpread / 4, $"spread {longSpread} after 5 s vs {shortSpread} after 0.05 s");
        Assert.True(longMax <= bound, $"simulated {longMax} above the analytic bound {bound}");
    }
}

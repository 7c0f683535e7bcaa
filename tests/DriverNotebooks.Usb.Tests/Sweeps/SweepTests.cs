namespace DriverNotebooks.Usb.Tests.Sweeps;

/// <summary>Sweeps over N, L and turnaround: charts-ready rows, independent of scheduling.</summary>
public sealed class SweepTests
{
    private static readonly SweepSettings Small = SweepSettings.Default with
    {
        PendingReads = [1, 2, 4],
        TransferLengths = [1024, 2048],
        Turnarounds = [TurnaroundDistribution.Parse("p50=80us,p99=600us"), TurnaroundDistribution.Fixed(Duration.FromMicroseconds(300))],
        SimulatedTime = Duration.FromSeconds(0.2),
        Seeds = 3,
    };

    [Fact]
    public void The_table_is_the_same_on_one_core_and_on_all_cores()
    {
        var one = Sweep.Run(Small with { MaxDegreeOfParallelism = 1 });
        var all = Sweep.Run(Small with { MaxDegreeOfParallelism = 3 });
        Assert.Equal(one.Rows, all.Rows);
    }

    [Fact]
    public void Rows_cover_the_grid_turnaround_then_length_then_pending_reads()
    {
        var rows = Sweep.Run(Small).Rows;
        Assert.Equal(2 * 2 * 3, rows.Count);
        Assert.Equal(new[] { 1, 2, 4, 1, 2, 4 }, rows.Take(6).Select(r => r.PendingReads));
        Assert.Equal(new long[] { 1024, 1024, 1024, 2048, 2048, 2048 }, rows.Take(6).Select(r => r.TransferLength));
        Assert.All(rows, r => Assert.Equal(3, r.Seeds));
        Assert.All(rows, r => Assert.True(r.SimulatedMinBytesPerSecond <= r.SimulatedMeanBytesPerSecond && r.SimulatedMeanBytesPerSecond <= r.SimulatedMaxBytesPerSecond));
    }

    [Fact]
    public void Fixed_turnaround_rows_agree_with_the_analytic_column_and_have_no_seed_spread()
    {
        foreach (var row in Sweep.Run(Small).Rows.Where(r => r.Turnaround.StartsWith("fixed")))
        {
            Assert.Equal(row.SimulatedMinBytesPerSecond, row.SimulatedMaxBytesPerSecond);
            Assert.Equal(row.AnalyticBytesPerSecond, row.SimulatedMeanBytesPerSecond!.Value, row.PendingReads * row.TransferLength / 0.2);
        }
    }

    [Fact]
    public void More_pending_reads_never_lower_the_analytic_throughput()
    {
        var rows = Sweep.Run(Small with { PendingReads = Enumerable.Range(1, 10).ToArray(), Seeds = 1 }).Rows;
        foreach (var group in rows.GroupBy(r => (r.Turnaround, r.TransferLength)))
            Assert.True(group.Select(r => r.AnalyticBytesPerSecond).Zip(group.Skip(1).Select(r => r.AnalyticBytesPerSecond)).All(p => p.First <= p.Second + 1e-6));
    }

    [Fact]
    public void The_default_sweep_is_n_1_to_10_by_five_turnarounds_by_1_second_by_10_seeds()
    {
        var d = SweepSettings.Default;
        Assert.Equal(Enumerable.Range(1, 10), d.PendingReads);
        Assert.Equal(5, d.Turnarounds.Count);
        Assert.Equal(Duration.FromSeconds(1), d.SimulatedTime);
        Assert.Equal(10, d.Seeds);
    }

    [Fact]
    public void Control_sweeps_are_analytic_only()
    {
        var rows = Sweep.Run(Small with { Endpoint = new EndpointDescriptor(UsbSpeed.High, TransferType.Control, 64, 0), Queue = RequestQueue.Generic, TransferLengths = [64] }).Rows;
        Assert.All(rows, r => Assert.Null(r.SimulatedMeanBytesPerSecond));
        Assert.All(rows, r => Assert.True(r.AnalyticBytesPerSecond > 0));
    }
}

namespace DriverNotebooks.Usb.Tests.Simulation;

/// <summary>The latency histogram: 128 bins per octave read from the IEEE-754 bits, percentiles within ±0.4 %.</summary>
public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.7)]
    [InlineData(3.25)]
    [InlineData(1000.5)]
    [InlineData(1e12)]
    public void Every_latency_falls_in_a_bin_no_wider_than_a_128th_of_its_value(double latency)
    {
        var index = LatencyHistogram.Index(BitConverter.DoubleToInt64Bits(latency));
        var lower = LatencyHistogram.LowerBound(index);
        var upper = LatencyHistogram.LowerBound(index + 1);
        Assert.InRange(latency, lower, Math.BitDecrement(upper));
        Assert.True((upper - lower) / lower <= 1.0 / 128);
    }

    [Fact]
    public void Percentiles_of_a_uniform_spread_are_within_half_a_bin()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++) histogram.Counts[LatencyHistogram.Index(BitConverter.DoubleToInt64Bits((double)i))]++;
        Span<double> result = stackalloc double[3];
        histogram.Percentiles([0.5, 0.9, 0.99], result, 1000, 1, 1000);
        Assert.Equal(500, result[0], 500 * 0.004);
        Assert.Equal(900, result[1], 900 * 0.004);
        Assert.Equal(990, result[2], 990 * 0.004);
    }
}

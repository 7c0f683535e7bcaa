namespace DriverNotebooks.Usb.Tests.Simulation;

/// <summary>Turnaround distributions and their quantile-table sampling.</summary>
public sealed class TurnaroundDistributionTests
{
    private static readonly Duration P50 = Duration.FromMicroseconds(80);
    private static readonly Duration P99 = Duration.FromMicroseconds(600);

    [Fact]
    public void Lognormal_from_p50_and_p99_has_sigma_ln_7_5_over_z_0_99()
    {
        var d = TurnaroundDistribution.LognormalFromPercentiles(P50, P99);
        Assert.Equal(80e-6, d.QuantileSeconds(0.5), 12);
        Assert.Equal(600e-6, d.QuantileSeconds(0.99), 12);
        var sigma = Math.Log(7.5) / 2.3263478740408408;
        Assert.Equal(80e-6 * Math.Exp(sigma * NormalQuantile.Of(0.9)), d.QuantileSeconds(0.9), 12);
    }

    [Fact]
    public void Quantile_table_holds_the_median_exactly_and_p99_within_a_tenth_of_a_percent()
    {
        var table = TurnaroundDistribution.LognormalFromPercentiles(P50, P99).Table;
        Assert.Equal(80e-6, table.Quantile(0.5), 15);
        Assert.Equal(600e-6, table.Quantile(0.99), 600e-6 * 0.001);
    }

    [Fact]
    public void Sampled_p50_and_p99_match_the_target_within_1_and_2_percent()
    {
        // Tolerance: 10^6 draws put the empirical p50 within ~0.3 % and p99 within ~1 % (binomial standard error
        // of the rank times the density); the table's own error is below 0.1 %.
        var table = TurnaroundDistribution.LognormalFromPercentiles(P50, P99).Table;
        var rng = new SplitMix64(42);
        var samples = new double[1_000_000];
        for (var i = 0; i < samples.Length; i++) samples[i] = table.Sample(rng.NextUInt64());
        Array.Sort(samples);
        Assert.Equal(80e-6, samples[500_000], 80e-6 * 0.01);
        Assert.Equal(600e-6, samples[990_000], 600e-6 * 0.02);
    }

    [Fact]
    public void Three_percentiles_give_a_piecewise_lognormal_through_each_point()
    {
        var d = TurnaroundDistribution.Parse("p50=80us,p90=200us,p99=900us");
        Assert.Equal(80e-6, d.QuantileSeconds(0.50), 12);
        Assert.Equal(200e-6, d.QuantileSeconds(0.90), 12);
        Assert.Equal(900e-6, d.QuantileSeconds(0.99), 12);
    }

    [Theory]
    [InlineData("100us", typeof(FixedTurnaround))]
    [InlineData("fixed:100us", typeof(FixedTurnaround))]
    [InlineData("exp:80us", typeof(ExponentialTurnaround))]
    [InlineData("lognormal:80us,0.8", typeof(LognormalTurnaround))]
    [InlineData("lognormal:p50=80us,p99=600us", typeof(PercentileTurnaround))]
    [InlineData("p50=80us,p99=600us", typeof(PercentileTurnaround))]
    public void Distributions_parse_from_text(string text, Type type) =>
        Assert.IsType(type, TurnaroundDistribution.Parse(text));

    [Theory]
    [InlineData("p50=80us")]
    [InlineData("p50=600us,p99=80us")]
    [InlineData("p100=1ms,p50=80us")]
    [InlineData("gamma:80us")]
    [InlineData("lognormal:80us")]
    [InlineData("exp:-1us")]
    public void Impossible_distributions_are_refused_as_turnaround_errors(string text) =>
        Assert.Equal(UsbInputField.Turnaround, Assert.Throws<UsbInputException>(() => TurnaroundDistribution.Parse(text)).Field);

    [Fact]
    public void A_fixed_turnaround_in_service_intervals_is_exact()
    {
        var scaled = new double[QuantileTable.Segments + 1];
        TurnaroundDistribution.Fixed(Duration.FromMicroseconds(375)).FillScaled(scaled, Duration.FromMicroseconds(125));
        Assert.All(scaled, x => Assert.Equal(3.0, x));
        Assert.Equal(3.0, QuantileTable.ExpectedCeiling(scaled, 1.0));
    }

    [Fact]
    public void Expected_lost_intervals_of_an_exponential_turnaround_follow_the_geometric_law()
    {
        // E[ceil(T/P)] = 1 / (1 − e^(−P/mean)) for an exponential T; the table cuts the tail at 9 means (≈ 0.1 % of the sum).
        var d = TurnaroundDistribution.Exponential(Duration.FromMicroseconds(200));
        var expected = 1 / (1 - Math.Exp(-125.0 / 200));
        Assert.Equal(expected, d.Table.ExpectedCeiling(125e-6), expected * 0.002);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_finaliser()
    {
        // splitmix64.c with x = 0: first output 0xE220A8397B1DCDAF.
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Mix(SplitMix64.Gamma));
    }
}

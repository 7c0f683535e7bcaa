namespace DriverNotebooks.Usb;

/// <summary>
/// A turnaround given by two or more percentiles, e.g. <c>p50=80us,p99=600us</c>.
/// </summary>
/// <remarks>
/// Mapping: ln T is taken as linear in z = Φ⁻¹(u) between neighbouring given points, and extended beyond the first and last
/// point with the slope of the nearest segment. With exactly two points this is the lognormal through them
/// (σ = ln(p_b/p_a) / (z_b − z_a)); with more it is a piecewise lognormal that passes through every point given.
/// </remarks>
public sealed class PercentileTurnaround : TurnaroundDistribution
{
    private readonly double[] _z;
    private readonly double[] _lnT;

    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentException">Fewer than two points, percentiles outside (0, 100), non-positive values,
    /// or values that do not increase with the percentile.</exception>
    public PercentileTurnaround(IEnumerable<(double Percentile, Duration Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Percentile).ToArray();
        if (sorted.Length < 2) throw new ArgumentException("give at least two percentiles, e.g. p50=80us,p99=600us", nameof(points));
        for (var i = 0; i < sorted.Length; i++)
        {
            var (p, v) = sorted[i];
            if (!(p > 0 && p < 100)) throw new ArgumentException($"percentile {Format(p)} must be between 0 and 100 (exclusive)", nameof(points));
            if (v.Picoseconds <= 0) throw new ArgumentException($"p{Format(p)} must be a positive time", nameof(points));
            if (i > 0 && !(p > sorted[i - 1].Percentile && v > sorted[i - 1].Value))
                throw new ArgumentException("percentiles and their times must both increase", nameof(points));
        }
        Points = sorted;
        _z = sorted.Select(p => NormalQuantile.Of(p.Percentile / 100)).ToArray();
        _lnT = sorted.Select(p => Math.Log(p.Value.Seconds)).ToArray();
    }

    /// <summary>The given points, by increasing percentile.</summary>
    public IReadOnlyList<(double Percentile, Duration Value)> Points { get; }

    /// <inheritdoc />
    public override double QuantileSeconds(double u)
    {
        var z = NormalQuantile.Of(u);
        var i = 0;
        while (i < _z.Length - 2 && z > _z[i + 1]) i++;
        var slope = (_lnT[i + 1] - _lnT[i]) / (_z[i + 1] - _z[i]);
        return Math.Exp(_lnT[i] + slope * (z - _z[i]));
    }

    /// <inheritdoc />
    public override string Describe() =>
        (Points.Count == 2 ? "lognormal " : "piecewise lognormal ") + string.Join(", ", Points.Select(p => $"p{Format(p.Percentile)} {p.Value}"));
}

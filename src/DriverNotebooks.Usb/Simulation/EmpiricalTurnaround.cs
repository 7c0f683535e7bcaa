using System.Globalization;

namespace DriverNotebooks.Usb;

/// <summary>
/// A turnaround given by measured values: the quantile function through evenly spaced measured quantiles (the minimum,
/// percentiles, the maximum), linear between neighbours. Unlike a fitted lognormal it keeps a measured distribution's
/// shape, clusters and bounds: no draw lies outside what was measured, and the mean is the measurement's (to the
/// resolution of the quantiles given).
/// </summary>
public sealed class EmpiricalTurnaround : TurnaroundDistribution
{
    private readonly double[] _quantiles;

    /// <summary>Creates the distribution from <paramref name="quantilesSeconds"/>: at least two values, non-decreasing, not negative,
    /// value i at u = i / (count − 1).</summary>
    /// <param name="quantilesSeconds">The measured quantiles, seconds.</param>
    /// <param name="count">How many values were measured, for the description.</param>
    /// <exception cref="ArgumentException">Fewer than two values, a negative or non-finite one, or values that decrease.</exception>
    public EmpiricalTurnaround(IReadOnlyList<double> quantilesSeconds, long count)
    {
        ArgumentNullException.ThrowIfNull(quantilesSeconds);
        if (quantilesSeconds.Count < 2) throw new ArgumentException("give at least two quantiles", nameof(quantilesSeconds));
        for (var i = 0; i < quantilesSeconds.Count; i++)
        {
            if (!(quantilesSeconds[i] >= 0) || double.IsInfinity(quantilesSeconds[i])) throw new ArgumentException("quantiles must be finite times of 0 or more", nameof(quantilesSeconds));
            if (i > 0 && quantilesSeconds[i] < quantilesSeconds[i - 1]) throw new ArgumentException("quantiles must not decrease", nameof(quantilesSeconds));
        }
        _quantiles = quantilesSeconds.ToArray();
        Count = count;
    }

    /// <summary>How many values the quantiles were measured from.</summary>
    public long Count { get; }

    /// <summary>The quantiles given, seconds.</summary>
    public IReadOnlyList<double> Quantiles => _quantiles;

    /// <inheritdoc />
    public override double QuantileSeconds(double u)
    {
        var x = Math.Clamp(u, 0, 1) * (_quantiles.Length - 1);
        var i = Math.Min((int)x, _quantiles.Length - 2);
        return _quantiles[i] + (x - i) * (_quantiles[i + 1] - _quantiles[i]);
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"measured ({Count.ToString("N0", CultureInfo.InvariantCulture)} values): p50 {Quantities.FormatSeconds(QuantileSeconds(0.5))}, " +
        $"p90 {Quantities.FormatSeconds(QuantileSeconds(0.9))}, p99 {Quantities.FormatSeconds(QuantileSeconds(0.99))}, max {Quantities.FormatSeconds(_quantiles[^1])}";
}

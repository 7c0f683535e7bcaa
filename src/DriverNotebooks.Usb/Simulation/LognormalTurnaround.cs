namespace DriverNotebooks.Usb;

/// <summary>Lognormal turnaround: Q(u) = median · exp(σ · Φ⁻¹(u)).</summary>
public sealed class LognormalTurnaround : TurnaroundDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A median that is not positive, or σ outside [0, 5].</exception>
    public LognormalTurnaround(Duration median, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(median.Picoseconds, nameof(median));
        if (!(sigma >= 0 && sigma <= 5)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be between 0 and 5");
        MedianValue = median;
        Sigma = sigma;
    }

    /// <summary>The median.</summary>
    public Duration MedianValue { get; }

    /// <summary>Standard deviation of ln T.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public override double QuantileSeconds(double u) => MedianValue.Seconds * Math.Exp(Sigma * NormalQuantile.Of(u));

    /// <inheritdoc />
    public override string Describe() => $"lognormal, median {MedianValue}, sigma {Format(Sigma)}";
}

namespace DriverNotebooks.Usb;

/// <summary>Exponential turnaround: Q(u) = −mean · ln(1 − u).</summary>
public sealed class ExponentialTurnaround : TurnaroundDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A mean that is not positive.</exception>
    public ExponentialTurnaround(Duration mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean.Picoseconds, nameof(mean));
        Mean = mean;
    }

    /// <summary>The mean of the exact distribution (the table's is slightly lower: its tail is cut at 9 × mean).</summary>
    public Duration Mean { get; }

    /// <inheritdoc />
    public override double QuantileSeconds(double u) => -Mean.Seconds * Math.Log(1 - u);

    /// <inheritdoc />
    public override string Describe() => $"exponential, mean {Mean}";
}

namespace DriverNotebooks.Usb;

/// <summary>Every request turns around in exactly <see cref="Value"/>.</summary>
public sealed class FixedTurnaround : TurnaroundDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative value.</exception>
    public FixedTurnaround(Duration value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value.Picoseconds, nameof(value));
        Value = value;
    }

    /// <summary>The turnaround.</summary>
    public Duration Value { get; }

    /// <inheritdoc />
    public override bool IsFixed => true;

    /// <inheritdoc />
    public override double QuantileSeconds(double u) => Value.Seconds;

    /// <inheritdoc />
    public override string Describe() => $"fixed {Value}";

    private protected override QuantileTable BuildTable() => QuantileTable.Constant(Value.Seconds);

    /// <summary>Exact in picoseconds, so 375 µs / 125 µs is exactly 3.</summary>
    internal override void FillScaled(double[] destination, Duration period) =>
        Array.Fill(destination, Value.Picoseconds / (double)period.Picoseconds);
}

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// A distribution of measured durations in seconds: count, min, median, 90th and 99th percentiles, max and mean.
/// Min, max and mean are exact; the percentiles come from a log-linear histogram (bins 1/128 of their value
/// wide, so within ±0.4 %, clamped to the smallest and largest value seen). All zero when the count is 0.
/// </summary>
public sealed record DurationSummary(long Count, double MinSeconds, double P50Seconds, double P90Seconds, double P99Seconds, double MaxSeconds, double MeanSeconds)
{
    public static DurationSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The whole distribution as 101 values in seconds: the minimum, the 1st to 99th percentiles (from the same histogram)
    /// and the maximum; empty when the count is 0. What the model is fed as a measured turnaround (<see cref="MeasuredTurnaround"/>).
    /// </summary>
    public IReadOnlyList<double> Percentiles { get; init; } = [];

    /// <summary>Equal when every figure and every percentile are.</summary>
    public bool Equals(DurationSummary? other) =>
        other is not null && Count == other.Count && MinSeconds.Equals(other.MinSeconds) && P50Seconds.Equals(other.P50Seconds)
        && P90Seconds.Equals(other.P90Seconds) && P99Seconds.Equals(other.P99Seconds) && MaxSeconds.Equals(other.MaxSeconds)
        && MeanSeconds.Equals(other.MeanSeconds) && Percentiles.SequenceEqual(other.Percentiles);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, MinSeconds, P50Seconds, P90Seconds, P99Seconds, MaxSeconds, MeanSeconds, Percentiles.Count);
}

/// <summary>Collects durations in nanoseconds into a <see cref="DurationSummary"/> in fixed memory.</summary>
internal sealed class DurationAccumulator
{
    private const long MaxRecordableNs = 1L << 41;
    private LatencyHistogram? _histogram;
    private long _count;
    private long _min = long.MaxValue;
    private long _max;
    private double _sum;

    public void Add(long nanoseconds)
    {
        if (nanoseconds < 0) nanoseconds = 0;
        _histogram ??= new LatencyHistogram();
        var clamped = Math.Clamp(nanoseconds, 1, MaxRecordableNs);
        _histogram.Counts[LatencyHistogram.Index(BitConverter.DoubleToInt64Bits(clamped))]++;
        _count++;
        _sum += nanoseconds;
        if (nanoseconds < _min) _min = nanoseconds;
        if (nanoseconds > _max) _max = nanoseconds;
    }

    public DurationSummary Summary()
    {
        if (_count == 0 || _histogram is null) return DurationSummary.Empty;
        Span<double> q = [0.5, 0.9, 0.99];
        Span<double> result = stackalloc double[3];
        _histogram.Percentiles(q, result, _count, _min, _max);
        Span<double> every = stackalloc double[99];
        for (var i = 0; i < every.Length; i++) every[i] = (i + 1) / 100.0;
        var values = new double[101];
        _histogram.Percentiles(every, values.AsSpan(1, 99), _count, _min, _max);
        values[0] = _min;
        values[100] = _max;
        for (var i = 0; i < values.Length; i++) values[i] /= 1e9;
        return new DurationSummary(_count, _min / 1e9, result[0] / 1e9, result[1] / 1e9, result[2] / 1e9, _max / 1e9, _sum / _count / 1e9)
        {
            Percentiles = values,
        };
    }
}

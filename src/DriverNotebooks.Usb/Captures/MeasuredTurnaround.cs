namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The driver's measured turnaround (completion to the next submit, <see cref="EndpointMeasurement.Turnaround"/>) as a
/// distribution the model and the simulator take: fixed when the capture shows one value, otherwise the measured
/// distribution itself through its minimum, percentiles and maximum (<see cref="EmpiricalTurnaround"/>). A summary without
/// those falls back to the piecewise lognormal through its 50th, 90th and 99th percentiles (<see cref="PercentileTurnaround"/>),
/// whose extrapolated tail can put the mean far above a bimodal measurement's.
/// </summary>
public static class MeasuredTurnaround
{
    /// <summary>Shortest turnaround the model is given: a capture's timestamps can put a resubmit at its completion's instant.</summary>
    public static readonly Duration Floor = Duration.FromNanoseconds(1);

    /// <summary>The distribution for <paramref name="turnaround"/>; null when the capture measured none.</summary>
    public static TurnaroundDistribution? From(DurationSummary turnaround)
    {
        ArgumentNullException.ThrowIfNull(turnaround);
        if (turnaround.Count == 0) return null;
        if (turnaround.MaxSeconds <= turnaround.MinSeconds)
            return TurnaroundDistribution.Fixed(Max(Duration.FromSeconds(turnaround.MeanSeconds), Floor));
        if (turnaround.Percentiles.Count >= 2) return new EmpiricalTurnaround(turnaround.Percentiles, turnaround.Count);
        var points = new List<(double Percentile, Duration Value)>();
        foreach (var (p, seconds) in new[] { (50.0, turnaround.P50Seconds), (90.0, turnaround.P90Seconds), (99.0, turnaround.P99Seconds) })
        {
            var value = Max(Duration.FromSeconds(seconds), Floor);
            if (points.Count == 0 || value > points[^1].Value) points.Add((p, value));
        }
        return points.Count < 2
            ? TurnaroundDistribution.Fixed(Max(Duration.FromSeconds(turnaround.MeanSeconds), Floor))
            : TurnaroundDistribution.FromPercentiles(points);
    }

    private static Duration Max(Duration a, Duration b) => a >= b ? a : b;
}

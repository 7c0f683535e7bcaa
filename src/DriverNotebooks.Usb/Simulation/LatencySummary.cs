namespace DriverNotebooks.Usb;

/// <summary>
/// Request latency: from the moment a request is (re)submitted — the end of its turnaround, or time 0 — to the end of the
/// service interval that moved its last byte. It includes waiting behind other requests and for the device's data.
/// </summary>
/// <param name="Count">Completed requests measured.</param>
/// <param name="P50Seconds">Median.</param>
/// <param name="P90Seconds">90th percentile.</param>
/// <param name="P99Seconds">99th percentile.</param>
/// <param name="MaxSeconds">Largest latency (exact).</param>
/// <param name="MeanSeconds">Mean (exact).</param>
/// <remarks>Percentiles come from a log-linear histogram with bins 1/128 of their value wide: within ±0.4 % (the bin's middle,
/// clamped to the smallest and largest value seen).</remarks>
public sealed record LatencySummary(long Count, double P50Seconds, double P90Seconds, double P99Seconds, double MaxSeconds, double MeanSeconds);

namespace DriverNotebooks.Usb;

/// <summary>Asks the simulation for a downsampled timeline and a latency histogram (off by default: it costs time).</summary>
/// <param name="Buckets">Number of timeline buckets the run is divided into (1–100,000).</param>
/// <param name="LatencyBins">Number of equal-width latency histogram bins between 0 and the largest latency (1–10,000).</param>
public sealed record TimelineOptions(int Buckets = 200, int LatencyBins = 50);

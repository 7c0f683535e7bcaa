using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The charts of a capture's busiest (or only) endpoint: throughput over time, requests in flight over time, and the
/// latency and turnaround distributions as percentiles.
/// </summary>
public static class CaptureCharts
{
    private const double MB = 1e6;

    public static IEnumerable<GenericChart> Create(CaptureView view)
    {
        if (view.Charted is not { } e || e.Transfers == 0) return [];
        return [ThroughputOverTime(e), InFlightOverTime(e), Distributions(e)];
    }

    public static GenericChart ThroughputOverTime(EndpointMeasurement e)
    {
        var x = e.Series.Select(b => b.StartSeconds + b.WidthSeconds / 2).ToArray();
        var width = e.Series.Count > 0 ? e.Series[0].WidthSeconds : 0;
        var layout = Figure.Layout($"Throughput over time: {e.DeviceName} endpoint {e.EndpointName} ({Quantities.FormatSeconds(width)} bins)", "time from the capture's start (s)", "throughput (MB/s, 10⁶ B/s)");
        return Figure.Chart(layout,
            Figure.Line("measured", x, e.Series.Select(b => b.BytesPerSecond / MB), Figure.Palette[0], markers: false),
            Figure.Line($"whole: {Quantities.FormatRate(e.ThroughputBytesPerSecond)}", [e.FirstSubmitSeconds, e.LastCompletionSeconds],
                [e.ThroughputBytesPerSecond / MB, e.ThroughputBytesPerSecond / MB], Figure.MeasuredColor, "dot", markers: false));
    }

    public static GenericChart InFlightOverTime(EndpointMeasurement e)
    {
        var x = e.Series.Select(b => b.StartSeconds + b.WidthSeconds / 2).ToArray();
        var layout = Figure.Layout($"Requests in flight: {e.DeviceName} endpoint {e.EndpointName} (max {e.InFlight.Max}, median {e.InFlight.Median})", "time from the capture's start (s)", "requests in flight");
        return Figure.Chart(layout,
            Figure.Line("mean over the bin", x, e.Series.Select(b => b.MeanInFlight), Figure.Palette[0], markers: false),
            Figure.Line("max in the bin", x, e.Series.Select(b => (double)b.MaxInFlight), Figure.Palette[1], "dot", markers: false));
    }

    public static GenericChart Distributions(EndpointMeasurement e)
    {
        object[] labels = ["p50", "p90", "p99", "max"];
        static double[] Micro(DurationSummary d) => [d.P50Seconds * 1e6, d.P90Seconds * 1e6, d.P99Seconds * 1e6, d.MaxSeconds * 1e6];
        var layout = Figure.Layout($"Latency and turnaround: {e.DeviceName} endpoint {e.EndpointName}", "percentile", "duration (µs)");
        var yAxis = Figure.Axis("duration (µs)");
        yAxis["type"] = "log";
        layout.SetProperty("yaxis", yAxis);
        return Figure.Chart(layout,
            Figure.Bars($"submit → complete ({e.Latency.Count:N0})", labels, Micro(e.Latency), Figure.Palette[0]),
            Figure.Bars($"complete → resubmit ({e.Turnaround.Count:N0})", labels, Micro(e.Turnaround), Figure.Palette[1]),
            Figure.Bars($"between completions ({e.CompletionInterval.Count:N0})", labels, Micro(e.CompletionInterval), Figure.Palette[2]));
    }
}

using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The charts of a capture's busiest (or only) endpoint: throughput over time, requests in flight over time, and the
/// latency and turnaround distributions as percentiles; for a capture of USB 2.0 packets, its endpoints' transactions by outcome.
/// </summary>
public static class CaptureCharts
{
    private const double MB = 1e6;

    public static IEnumerable<GenericChart> Create(CaptureView view)
    {
        if (view.Charted is not { } e || e.Transfers == 0)
        {
            return view.Report.Bus is { } bus ? CaptureBusCharts.Create(bus) : [];
        }
        return [ThroughputOverTime(e, view.Verdict), InFlightOverTime(e), Distributions(e)];
    }

    /// <summary>Measured throughput over time; with a verdict, the model at the measured point and the ceiling beside it.</summary>
    public static GenericChart ThroughputOverTime(EndpointMeasurement e, CaptureVerdict? verdict = null)
    {
        var series = Active(e);
        var x = series.Select(b => b.StartSeconds + b.WidthSeconds / 2).ToArray();
        var width = e.Series.Count > 0 ? e.Series[0].WidthSeconds : 0;
        var layout = Figure.Layout($"Throughput over time: {e.DeviceName} endpoint {e.EndpointName} ({Quantities.FormatSeconds(width)} bins)", "time from the capture's start (s)", "throughput (MB/s, 10⁶ B/s)");
        double[] span = [e.FirstSubmitSeconds, e.LastCompletionSeconds];
        double[] Level(double bytesPerSecond) => [bytesPerSecond / MB, bytesPerSecond / MB];
        var traces = new List<Trace>
        {
            Figure.Line("measured", x, series.Select(b => b.BytesPerSecond / MB), Figure.Palette[0], markers: false),
            Figure.Line($"whole: {Quantities.FormatRate(e.ThroughputBytesPerSecond)}", span, Level(e.ThroughputBytesPerSecond), Figure.MeasuredColor, "dot", markers: false),
        };
        if (verdict?.ModelBytesPerSecond is { } model)
            traces.Add(Figure.Line($"model at N = {verdict.PendingReads}: {Quantities.FormatRate(model)}", span, Level(model), Figure.Palette[2], "dash", markers: false));
        if (verdict?.ServiceRateBytesPerSecond is { } service)
            traces.Add(Figure.Line($"rate while in flight: {Quantities.FormatRate(service)}", span, Level(service), Figure.Palette[1], "dashdot", markers: false));
        if (verdict is not null)
            traces.Add(Figure.Line($"ceiling: {Quantities.FormatRate(verdict.CeilingBytesPerSecond)}", span, Level(verdict.CeilingBytesPerSecond), Figure.BusLimitColor, "dash", markers: false));
        return Figure.Chart(layout, [.. traces]);
    }

    public static GenericChart InFlightOverTime(EndpointMeasurement e)
    {
        var series = Active(e);
        var x = series.Select(b => b.StartSeconds + b.WidthSeconds / 2).ToArray();
        var layout = Figure.Layout($"Requests in flight: {e.DeviceName} endpoint {e.EndpointName} (max {e.InFlight.Max}, median {e.InFlight.Median})", "time from the capture's start (s)", "requests in flight");
        return Figure.Chart(layout,
            Figure.Line("mean over the bin", x, series.Select(b => b.MeanInFlight), Figure.Palette[0], markers: false),
            Figure.Line("max in the bin", x, series.Select(b => (double)b.MaxInFlight), Figure.Palette[1], "dot", markers: false));
    }

    /// <summary>The bins from the endpoint's first submit to its last completion: a capture that idles before the transfer
    /// (an enumeration, then seconds of nothing) would otherwise squeeze the activity into the chart's last sliver.</summary>
    private static IReadOnlyList<TimeBin> Active(EndpointMeasurement e) =>
        e.Series.Where(b => b.StartSeconds + b.WidthSeconds > e.FirstSubmitSeconds && b.StartSeconds <= e.LastCompletionSeconds).ToList();

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

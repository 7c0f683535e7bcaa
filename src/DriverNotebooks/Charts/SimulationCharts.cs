using DriverNotebooks.Usb;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The default charts of a reader simulation: a timeline (reads queued at the host, service
/// opportunities lost, the device FIFO and its drops, per slice of simulated time) and the
/// request-latency histogram.
/// </summary>
public static class SimulationCharts
{
    public static IEnumerable<GenericChart> Create(SimulationView view)
    {
        var timeline = view.Result.Timeline;
        if (timeline is null || timeline.Buckets.Count == 0) yield break;
        yield return Timeline(view.Result, timeline);
        if (timeline.LatencyHistogram.Count > 0) yield return Latency(view.Result, timeline);
    }

    private static GenericChart Timeline(SimulationResult result, SimulationTimeline timeline)
    {
        var buckets = timeline.Buckets;
        var timeMs = buckets.Select(b => b.StartSeconds * 1e3).ToArray();
        var device = result.Settings.Device;

        var queued = Figure.Line("reads queued at the host (average)", timeMs, buckets.Select(b => b.AverageQueuedRequests), Figure.Palette[0], markers: false);
        // The idle share is a tinted area and the lost share a thick dotted line on top of it: with a device that always has
        // a packet waiting the two are equal, and both must stay visible (the legend says so when they coincide).
        var idleShare = buckets.Select(b => Percent(b.IdleIntervals, b.Intervals)).ToArray();
        var idle = Figure.Line("intervals with no read queued (%)", timeMs, idleShare, Figure.Palette[1], markers: false);
        idle.SetProperty("fill", "tozeroy");
        idle.SetProperty("fillcolor", "rgba(224,123,0,0.18)");
        idle.SetProperty("yaxis", "y2");
        var traces = new List<Trace> { queued, idle };
        Trace bottom;
        string bottomTitle, bottomPanel;
        var bottomAxis = "y3";
        if (device is not null)
        {
            var lostShare = buckets.Select(b => Percent(b.LostOpportunities, b.Intervals)).ToArray();
            var same = lostShare.SequenceEqual(idleShare);
            var lost = Figure.Line("lost opportunities: data waiting, no read (%)" + (same ? " — equal to the idle share in every slice" : ""),
                timeMs, lostShare, Figure.MeasuredColor, "dot", markers: false);
            lost.SetProperty("line", Figure.Props(("color", Figure.MeasuredColor), ("dash", "dot"), ("width", 3)));
            lost.SetProperty("yaxis", "y2");
            traces.Add(lost);
            bottom = Figure.Line("device FIFO fill (B, end of slice)", timeMs, buckets.Select(b => (double)b.FifoFillBytes), Figure.Palette[2], markers: false);
            var drops = Figure.Bars("dropped by the device (B per slice, left axis)", timeMs.Cast<object>(), buckets.Select(b => (double)b.DroppedBytes), Figure.MeasuredColor);
            drops.SetProperty("yaxis", "y3");
            drops.SetProperty("opacity", 0.55);
            traces.Add(drops);
            // The FIFO holds a few KiB while drops reach tens of kB per slice: on one axis the fill line vanished under the
            // bars. It gets its own axis on the right, drawn over the bars.
            bottom.SetProperty("name", "device FIFO fill (B, end of slice, right axis)");
            bottomAxis = "y4";
            bottomTitle = "dropped B";
            bottomPanel = "Device FIFO fill and drops";
        }
        else
        {
            bottom = Figure.Line("delivered (MB/s)", timeMs, buckets.Select(b => b.DeliveredBytes / timeline.BucketSeconds / 1e6), Figure.Palette[2], markers: false);
            bottomTitle = "MB/s";
            bottomPanel = "Delivered";
        }
        bottom.SetProperty("yaxis", bottomAxis);
        traces.Add(bottom);

        var layout = Figure.Layout($"Simulation timeline: {result.EffectivePendingReads} reads of {result.Settings.TransferLength:N0} B, turnaround {result.Settings.Turnaround}",
            "simulated time (ms)", "", height: 560);
        layout.SetProperty("xaxis", WithAnchor(Figure.Axis("simulated time (ms)"), "y3"));
        // Short unit titles on the axes and each panel's name above it: long rotated titles ran into the neighbouring panels.
        layout.SetProperty("yaxis", Panel("reads", 0.72, 0.97, rangeToZero: true));
        layout.SetProperty("yaxis2", Panel("%", 0.37, 0.62, rangeToZero: true));
        layout.SetProperty("yaxis3", Panel(bottomTitle, 0.0, 0.27, rangeToZero: true));
        if (bottomAxis == "y4")
        {
            var fifo = Figure.Axis("FIFO B");
            fifo["overlaying"] = "y3";
            fifo["side"] = "right";
            fifo["rangemode"] = "tozero";
            fifo["showgrid"] = false;
            layout.SetProperty("yaxis4", fifo);
        }
        layout.SetProperty("annotations", new[]
        {
            PanelName("Reads queued at the host (average per slice)", 0.97),
            PanelName(device is null ? "Intervals with no read queued" : "Intervals with no read queued, and lost opportunities", 0.62),
            PanelName(bottomPanel, 0.27),
        });
        layout.SetProperty("legend", Figure.Props(("orientation", "h"), ("y", -0.14), ("x", 0)));
        return Figure.Chart(layout, traces.ToArray());
    }

    private static GenericChart Latency(SimulationResult result, SimulationTimeline timeline)
    {
        var bins = timeline.LatencyHistogram;
        var middles = bins.Select(b => (b.FromSeconds + b.ToSeconds) / 2 * 1e6).ToArray();
        var bars = Figure.Bars("requests", middles.Cast<object>(), bins.Select(b => (double)b.Count), Figure.Palette[0]);
        bars.SetProperty("width", bins.Select(b => (b.ToSeconds - b.FromSeconds) * 1e6).ToArray());
        bars.SetProperty("marker", Figure.Props(("color", Figure.Palette[0]), ("line", Figure.Props(("width", 0)))));
        var top = bins.Max(b => b.Count);
        var traces = new List<Trace> { bars };
        foreach (var (name, seconds, color) in new[] { ("p50", result.Latency.P50Seconds, Figure.Palette[2]), ("p99", result.Latency.P99Seconds, Figure.MeasuredColor) })
        {
            traces.Add(Figure.Line($"{name}: {Quantities.FormatSeconds(seconds)}", [seconds * 1e6, seconds * 1e6], [0, top], color, "dash", markers: false));
        }
        const int height = 360, topMargin = 50, bottom = 95;
        var layout = Figure.Layout("Request latency: submission to completion", "latency (µs)", "requests", height: height);
        // The legend goes under the x axis title, not over it: 68 px below the plot, in paper units.
        layout.SetProperty("margin", Figure.Props(("l", 70), ("r", 20), ("t", topMargin), ("b", bottom)));
        layout.SetProperty("legend", Figure.LegendBelowPlot(68, height - topMargin - bottom));
        return Figure.Chart(layout, traces.ToArray());
    }

    private static Dictionary<string, object> Panel(string title, double from, double to, bool rangeToZero)
    {
        var axis = Figure.Axis(title);
        axis["domain"] = new[] { from, to };
        if (rangeToZero) axis["rangemode"] = "tozero";
        return axis;
    }

    private static Dictionary<string, object> PanelName(string text, double top) => Figure.Props(
        ("text", text), ("xref", "paper"), ("yref", "paper"), ("x", 0), ("y", top), ("xanchor", "left"), ("yanchor", "bottom"),
        ("showarrow", false), ("font", Figure.Props(("size", 12), ("color", "#333333"))));

    private static Dictionary<string, object> WithAnchor(Dictionary<string, object> axis, string anchor)
    {
        axis["anchor"] = anchor;
        return axis;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;
}

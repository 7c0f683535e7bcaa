using DriverNotebooks.Kmdf;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// A KMDF run as a swim-lane sequence: one column per layer (I/O manager, KMDF stub, KMDF library,
/// driver, object tree, class driver), time running down the page, callbacks into the driver in
/// blue, failing statuses ringed in red, and what leaked listed at the bottom.
/// </summary>
public static class KmdfTraceChart
{
    private const int PixelsPerEvent = 15;

    public static GenericChart Create(RunResult run, string? title = null)
    {
        var lanes = Enum.GetValues<TraceLayer>().Where(l => run.Trace.Any(e => e.Layer == l)).ToList();
        double Lane(TraceEvent e) => lanes.IndexOf(e.Layer);

        var flow = Figure.Line("flow", run.Trace.Select(Lane), run.Trace.Select(e => (double)e.Sequence), "#c8c8c8", markers: false);
        flow.SetProperty("line", Figure.Props(("color", "#c8c8c8"), ("width", 1)));
        flow.SetProperty("hoverinfo", "skip");
        flow.SetProperty("showlegend", false);

        var traces = new List<Trace> { flow };
        traces.AddRange(KindTraces(run, Lane));

        var failed = run.Trace.Where(e => e.Status is { IsSuccess: false }).ToList();
        if (failed.Count > 0)
        {
            var ring = Figure.Points("failing status", failed.Select(Lane), failed.Select(e => (double)e.Sequence), Figure.MeasuredColor, "circle-open", 16);
            ring.SetProperty("hovertext", failed.Select(e => $"{e.Label} → {e.Status}").ToArray());
            ring.SetProperty("hoverinfo", "text");
            traces.Add(ring);
        }

        var leakedY = run.Trace.Count + 1.0;
        if (run.Leaked.Count > 0)
        {
            var driverLane = lanes.Contains(TraceLayer.Driver) ? lanes.IndexOf(TraceLayer.Driver) : 0;
            var leaked = Figure.Points("leaked", run.Leaked.Select(_ => (double)driverLane), run.Leaked.Select((_, i) => leakedY + i), Figure.MeasuredColor, "x", 12);
            leaked.SetProperty("mode", "markers+text");
            leaked.SetProperty("text", run.Leaked.Select(r => "leaked: " + r).ToArray());
            leaked.SetProperty("textposition", "middle right");
            leaked.SetProperty("textfont", Figure.Props(("color", Figure.MeasuredColor), ("size", 11)));
            traces.Add(leaked);
        }

        var rows = run.Trace.Count + run.Leaked.Count + 1;
        var titleLines = Figure.TitleLines(title ?? $"KMDF trace: {run.Scenario}");
        var top = 68 + 20 * titleLines; // the title, then the lane names (two lines) along the top axis
        const int bottom = 40; // one legend row: the kinds' names are kept short so they fit across the chart
        var plotHeight = Math.Max(220, rows * PixelsPerEvent);
        var layout = Figure.Layout(title ?? $"KMDF trace: {run.Scenario}", "", "event order", height: plotHeight + top + bottom);
        var xAxis = Figure.Axis("");
        xAxis["tickvals"] = lanes.Select((_, i) => (double)i).ToArray();
        // Two-line lane names: with six lanes and long labels the lanes sit close, and one-line names ran together.
        xAxis["ticktext"] = lanes.Select(l => LaneName(l).Replace(" ", "<br>", StringComparison.Ordinal)).ToArray();
        xAxis["side"] = "top";
        xAxis["range"] = new[] { -0.4, RightEdge(run, lanes, Lane) };
        xAxis["zeroline"] = false;
        var yAxis = Figure.Axis("event order (earliest at the top)");
        yAxis["autorange"] = "reversed";
        yAxis["showgrid"] = false;
        yAxis["zeroline"] = false;
        layout.SetProperty("xaxis", xAxis);
        layout.SetProperty("yaxis", yAxis);
        layout.SetProperty("margin", Figure.Props(("l", 60), ("r", 20), ("t", top), ("b", bottom)));
        var legend = Figure.LegendBelowPlot(8, plotHeight);
        legend["font"] = Figure.Props(("size", 11));
        layout.SetProperty("legend", legend);
        return Figure.Chart(layout, traces.ToArray());
    }

    /// <summary>Approximate width of one character of a 10 px label, and the gap between a marker and its label, in pixels.</summary>
    private const double LabelCharPixels = 6.2;
    private const double LabelGapPixels = 14;

    /// <summary>
    /// The right end of the x range, so that the longest label drawn right of its marker still fits inside the plot:
    /// with the range r lanes wide and the plot w pixels wide, a label of n characters in lane x needs
    /// x + (gap + n·c)·r / w ≤ right. Solved by a few fixed-point steps (it converges because labels are narrower than the plot).
    /// </summary>
    private static double RightEdge(RunResult run, List<TraceLayer> lanes, Func<TraceEvent, double> lane)
    {
        const double left = -0.4;
        var plotWidth = Figure.PrintWidth - 60.0 - 20.0; // the margins set below
        var labels = run.Trace.Select(e => (Lane: lane(e), Chars: e.Label.Length))
            .Concat(run.Leaked.Select(r => (Lane: lanes.Contains(TraceLayer.Driver) ? lanes.IndexOf(TraceLayer.Driver) : 0.0, Chars: ("leaked: " + r).Length)))
            .ToList();
        var right = lanes.Count - 0.4 + 0.9;
        for (var i = 0; i < 8; i++)
        {
            var width = right - left;
            var needed = labels.Count == 0 ? right : labels.Max(l => l.Lane + (LabelGapPixels + l.Chars * LabelCharPixels) * width / plotWidth);
            right = Math.Max(lanes.Count - 0.4 + 0.9, needed);
        }
        return right;
    }

    public static string LaneName(TraceLayer layer) => layer switch
    {
        TraceLayer.IoManager => "I/O manager",
        TraceLayer.KmdfStub => "KMDF stub",
        TraceLayer.KmdfLibrary => "KMDF library",
        TraceLayer.Driver => "Driver",
        TraceLayer.ObjectTree => "Object tree",
        TraceLayer.ClassDriver => "Class driver",
        _ => layer.ToString(),
    };

    private static IEnumerable<Trace> KindTraces(RunResult run, Func<TraceEvent, double> lane)
    {
        (TraceEventKind Kind, string Name, string Color, string Symbol)[] kinds =
        [
            (TraceEventKind.Callback, "driver callback", Figure.Palette[0], "circle"),
            (TraceEventKind.Call, "driver call", "#6b6b6b", "square"),
            (TraceEventKind.Action, "system/framework action", Figure.Palette[1], "diamond"),
            (TraceEventKind.Note, "note", "#9a9a9a", "circle-open"),
        ];
        foreach (var (kind, name, color, symbol) in kinds)
        {
            var events = run.Trace.Where(e => e.Kind == kind).ToList();
            if (events.Count == 0) continue;
            var trace = Figure.Points(name, events.Select(lane), events.Select(e => (double)e.Sequence), color, symbol, 8);
            trace.SetProperty("mode", "markers+text");
            trace.SetProperty("text", events.Select(e => e.Label).ToArray());
            trace.SetProperty("textposition", "middle right");
            trace.SetProperty("textfont", Figure.Props(("size", 10), ("color", kind == TraceEventKind.Note ? "#777777" : "#222222")));
            trace.SetProperty("hovertext", events.Select(Hover).ToArray());
            trace.SetProperty("hoverinfo", "text");
            yield return trace;
        }
    }

    private static string Hover(TraceEvent e)
    {
        var parts = new List<string> { $"{e.Sequence}. {e.Label}", $"{LaneName(e.Layer)}, {e.Irql.ToWdkName()}" };
        if (e.Object is not null) parts.Add("object: " + e.Object);
        if (e.Status is { } s) parts.Add("status: " + s);
        if (e.Detail is not null) parts.Add(e.Detail);
        return string.Join("<br>", parts.Select(System.Net.WebUtility.HtmlEncode));
    }
}

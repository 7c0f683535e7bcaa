using DriverNotebooks.Usb;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The default chart of a throughput analysis. With a pipeline: throughput against NumPendingReads from
/// the pipeline model, the bus limit as a line, this configuration and an optional measurement as
/// markers. Without one: what the bus would allow this descriptor and the changes that lift its ceiling.
/// </summary>
public static class ThroughputChart
{
    private const double MB = 1e6;

    public static GenericChart Create(ThroughputView view) =>
        view.Report.Pipeline is null ? Ceilings(view) : VersusPendingReads(view);

    private static GenericChart VersusPendingReads(ThroughputView view)
    {
        var r = view.Report;
        var pipeline = r.Pipeline!;
        var current = r.EffectivePendingReads ?? pipeline.PendingReads;
        var kmdf = pipeline.Queue == RequestQueue.KmdfContinuousReader;
        var last = (int)Math.Clamp(Math.Max(Math.Max(10, current + 2), (r.PendingReadsForCeiling ?? 0) + 2), 1, 32);
        var points = Enumerable.Range(1, last)
            .Select(n => (N: n, Report: Analyze(r.Endpoint, pipeline with { PendingReads = n, AllowPendingReadsBeyondFrameworkMax = true }, r.Options)))
            .Where(p => p.Report is not null)
            .ToList();

        var traces = new List<Trace>
        {
            Figure.Line("pipeline model", points.Select(p => (double)p.N), points.Select(p => p.Report!.ThroughputBytesPerSecond / MB), Figure.Palette[0]),
            BusLine(1, last, r.BusLimitBytesPerSecond, r.BulkRateBytesPerSecond is null ? "bus limit" : "bus limit (spec)"),
        };
        if (r.BulkRateBytesPerSecond is { } hostRate && !IsPeriodic(r)) traces.Add(BusLine(1, last, hostRate, "host bulk rate given", "dot"));
        else if (r.HostRate is { } host)
        {
            traces.AddRange(MeasuredHosts(1, last, host));
            if (r.Options.BulkCeiling == BulkCeiling.Spec)
            {
                // The same reads on a host that reaches the low end of the measured range: the verdict's second prediction.
                var onHosts = points
                    .Select(p => (p.N, Report: Analyze(r.Endpoint, pipeline with { PendingReads = p.N, AllowPendingReadsBeyondFrameworkMax = true }, r.Options with { BulkCeiling = BulkCeiling.MeasuredHosts })))
                    .Where(p => p.Report is not null)
                    .ToList();
                traces.Add(Figure.Line($"pipeline model on {HostRateExpectation.Label}", onHosts.Select(p => (double)p.N), onHosts.Select(p => p.Report!.ThroughputBytesPerSecond / MB), Figure.Palette[2], "dash"));
            }
        }
        traces.Add(Figure.Points($"this configuration: {current} × {pipeline.TransferLength:N0} B, {pipeline.Turnaround}", [current], [r.ThroughputBytesPerSecond / MB], Figure.Palette[1], "circle", 13));
        if (view.MeasuredBytesPerSecond is { } measured)
        {
            traces.Add(Figure.Points($"measured: {Quantities.FormatRate(measured)}", [current], [measured / MB], Figure.MeasuredColor, "diamond", 13));
        }

        var layout = Figure.Layout($"Throughput against NumPendingReads: {r.Endpoint}", "NumPendingReads (requests outstanding)", "throughput (MB/s, 10⁶ B/s)");
        var xAxis = Figure.Axis("NumPendingReads (requests outstanding)");
        xAxis["dtick"] = 1;
        layout.SetProperty("xaxis", xAxis);
        var yAxis = Figure.Axis("throughput (MB/s, 10⁶ B/s)");
        yAxis["rangemode"] = "tozero";
        layout.SetProperty("yaxis", yAxis);
        // Below the x-axis title: with the measured-hosts lines the legend has three rows and ran into the title.
        layout.SetProperty("legend", Figure.Props(("orientation", "h"), ("y", -0.24), ("yanchor", "top"), ("x", 0)));
        if (kmdf && last > 10)
        {
            layout.SetProperty("shapes", new[]
            {
                Figure.Props(("type", "rect"), ("xref", "x"), ("yref", "paper"), ("x0", 10.5), ("x1", last + 0.5), ("y0", 0), ("y1", 1),
                    ("fillcolor", "#f2f2f2"), ("line", Figure.Props(("width", 0))), ("layer", "below")),
            });
            layout.SetProperty("annotations", new[]
            {
                Figure.Props(("text", "beyond the framework's cap of 10: what-if"), ("xref", "x"), ("yref", "paper"), ("x", 10.6), ("y", 0.02),
                    ("xanchor", "left"), ("showarrow", false), ("font", Figure.Props(("size", 10), ("color", "#666666")))),
            });
        }
        return Figure.Chart(layout, traces.ToArray());
    }

    private static GenericChart Ceilings(ThroughputView view)
    {
        var r = view.Report;
        var alternatives = Alternatives(r).ToList();
        if (r.HostRate is { } host)
        {
            // Beside this descriptor's spec ceiling: what measured hosts reach (the bar is the low end, its label the range).
            alternatives.Insert(1, ($"{HostRateExpectation.Label} {host.Published.Keys}", host.Published.LowBytesPerSecond, host.Published.Range));
        }
        var bars = Figure.Bars("bus limit", alternatives.Select(a => (object)a.Label), alternatives.Select(a => a.BytesPerSecond / MB), Figure.Palette[0]);
        bars.SetProperty("marker", Figure.Props(("color", alternatives.Select((a, i) => i == 0 ? Figure.Palette[1] : a.Label.StartsWith(HostRateExpectation.Label, StringComparison.Ordinal) ? Figure.Palette[2] : Figure.Palette[0]).ToArray())));
        bars.SetProperty("text", alternatives.Select(a => a.Text).ToArray());
        bars.SetProperty("textposition", "outside");
        var traces = new List<Trace> { bars };
        if (view.MeasuredBytesPerSecond is { } measured)
        {
            traces.Add(Figure.Points($"measured: {Quantities.FormatRate(measured)}", [(object)alternatives[0].Label], [measured / MB], Figure.MeasuredColor, "diamond", 13));
        }
        var layout = Figure.Layout($"What the bus allows: {r.Endpoint}, and what would lift it", "", "bus limit (MB/s, 10⁶ B/s)");
        var yAxis = Figure.Axis("bus limit (MB/s, 10⁶ B/s)");
        yAxis["rangemode"] = "tozero";
        layout.SetProperty("yaxis", yAxis);
        layout.SetProperty("showlegend", view.MeasuredBytesPerSecond is not null);
        return Figure.Chart(layout, traces.ToArray());
    }

    /// <summary>This descriptor first, then the analysis's alternatives that have a bus limit: the changes the verdict suggests.</summary>
    private static IEnumerable<(string Label, double BytesPerSecond, string Text)> Alternatives(ThroughputReport r) =>
        r.BusAlternatives
            .Where(a => a.BusLimitBytesPerSecond is not null)
            .Select(a => (a.Label, a.BusLimitBytesPerSecond!.Value, Quantities.FormatRate(a.BusLimitBytesPerSecond!.Value)))
            .Prepend(("this descriptor", r.BusLimitBytesPerSecond, Quantities.FormatRate(r.BusLimitBytesPerSecond)));

    private static bool IsPeriodic(ThroughputReport r) => r.EffectiveType is TransferType.Interrupt or TransferType.Isochronous;

    /// <summary>
    /// The published host range as a shaded band between two dotted lines, labelled "measured hosts" with its citation.
    /// </summary>
    private static IEnumerable<Trace> MeasuredHosts(double from, double to, HostRateExpectation host)
    {
        var (low, high) = (host.Published.LowBytesPerSecond / MB, host.Published.HighBytesPerSecond / MB);
        var lowLine = Figure.Line($"{HostRateExpectation.Label}: {host.Published.Range} {host.Published.Keys}", [from, to], [low, low], Figure.Palette[2], "dot", markers: false);
        yield return lowLine;
        if (high > low)
        {
            var highLine = Figure.Line($"{HostRateExpectation.Label} (high end)", [from, to], [high, high], Figure.Palette[2], "dot", markers: false);
            highLine.SetProperty("fill", "tonexty");
            highLine.SetProperty("fillcolor", "rgba(127,127,127,0.12)");
            highLine.SetProperty("showlegend", false);
            yield return highLine;
        }
    }

    private static Trace BusLine(double from, double to, double bytesPerSecond, string name, string dash = "dash")
    {
        var line = Figure.Line($"{name}: {Quantities.FormatRate(bytesPerSecond)}", [from, to], [bytesPerSecond / MB, bytesPerSecond / MB], Figure.BusLimitColor, dash, markers: false);
        return line;
    }

    private static ThroughputReport? Analyze(EndpointDescriptor endpoint, PipelineSettings? pipeline, AnalysisOptions options)
    {
        try
        {
            return ThroughputAnalysis.Analyze(endpoint, pipeline, options);
        }
        catch (UsbInputException)
        {
            return null;
        }
    }
}

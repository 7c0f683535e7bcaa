using DriverNotebooks.Usb;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The default chart of a sweep: simulated throughput (mean, with the range over seeds) against
/// NumPendingReads, TransferLength or turnaround, one line per combination of the other two,
/// with the analytic model dashed, the bus limit as a line and an optional measurement.
/// </summary>
public static class SweepChart
{
    private const double MB = 1e6;

    /// <summary>Names each line by what differs between lines (the quantities not on the x axis that take several values).</summary>
    public static Func<SweepRow, string> SeriesLabel(IReadOnlyList<SweepRow> rows, SweepAxis axis)
    {
        var varyPending = axis != SweepAxis.PendingReads && rows.Select(r => r.EffectivePendingReads).Distinct().Count() > 1;
        var varyTransfer = axis != SweepAxis.TransferLength && rows.Select(r => r.TransferLength).Distinct().Count() > 1;
        var varyTurnaround = axis != SweepAxis.Turnaround && rows.Select(r => r.Turnaround).Distinct().Count() > 1;
        return r =>
        {
            var parts = new List<string>();
            if (varyPending) parts.Add($"{r.EffectivePendingReads} pending");
            if (varyTransfer) parts.Add($"{r.TransferLength:N0} B reads");
            if (varyTurnaround) parts.Add(r.Turnaround);
            return parts.Count > 0 ? string.Join(", ", parts) : "simulated";
        };
    }

    private static bool IsHidden(Trace trace) => trace.TryGetTypedPropertyValue<bool>("showlegend") is { } shown && !shown.Value;

    public static GenericChart Create(SweepView view)
    {
        var rows = view.Result.Rows;
        var (xTitle, x) = view.Axis switch
        {
            SweepAxis.TransferLength => ("TransferLength (bytes)", (Func<SweepRow, double>)(r => r.TransferLength)),
            SweepAxis.Turnaround => ("median turnaround (µs)", r => r.TurnaroundMedianSeconds * 1e6),
            _ => ("NumPendingReads (requests outstanding)", r => r.EffectivePendingReads),
        };
        var series = SeriesLabel(rows, view.Axis);

        var traces = new List<Trace>();
        var groups = rows.GroupBy(series).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var color = Figure.Palette[i % Figure.Palette.Length];
            var points = groups[i].OrderBy(x).ToList();
            var xs = points.Select(x).ToArray();
            var group = $"series{i}";
            if (points.Any(p => p.SimulatedMeanBytesPerSecond is not null))
            {
                var simulated = Figure.Line(groups[i].Key, xs, points.Select(p => (p.SimulatedMeanBytesPerSecond ?? double.NaN) / MB), color);
                simulated.SetProperty("legendgroup", group);
                simulated.SetProperty("error_y", Figure.Props(
                    ("type", "data"), ("symmetric", false),
                    ("array", points.Select(p => ((p.SimulatedMaxBytesPerSecond ?? 0) - (p.SimulatedMeanBytesPerSecond ?? 0)) / MB).ToArray()),
                    ("arrayminus", points.Select(p => ((p.SimulatedMeanBytesPerSecond ?? 0) - (p.SimulatedMinBytesPerSecond ?? 0)) / MB).ToArray()),
                    ("color", color), ("thickness", 1), ("width", 3)));
                traces.Add(simulated);
            }
            var analytic = Figure.Line($"analytic: {groups[i].Key}", xs, points.Select(p => p.AnalyticBytesPerSecond / MB), color, "dash", markers: false);
            analytic.SetProperty("line", Figure.Props(("color", color), ("dash", "dash"), ("width", 1)));
            analytic.SetProperty("legendgroup", group);
            analytic.SetProperty("showlegend", false);
            traces.Add(analytic);
        }
        if (groups.Count > 0)
        {
            // One legend entry explains every dashed line.
            var key = Figure.Line("dashed: analytic model", [double.NaN], [double.NaN], "#888888", "dash", markers: false);
            key.SetProperty("line", Figure.Props(("color", "#888888"), ("dash", "dash"), ("width", 1)));
            traces.Add(key);
        }

        if (rows.Count > 0)
        {
            var (min, max) = (rows.Min(x), rows.Max(x));
            var bus = rows[0].BusLimitBytesPerSecond;
            traces.Add(Figure.Line($"bus limit: {Quantities.FormatRate(bus)}", [min, max], [bus / MB, bus / MB], Figure.BusLimitColor, "dash", markers: false));
            if (view.MeasuredBytesPerSecond is { } measured)
            {
                traces.Add(Figure.Line($"measured: {Quantities.FormatRate(measured)}", [min, max], [measured / MB, measured / MB], Figure.MeasuredColor, "dot", markers: false));
            }
        }

        var legendRows = (traces.Count(t => !IsHidden(t)) + 1) / 2;
        var layout = Figure.Layout($"Sweep: {view.Result.Settings.Endpoint}", xTitle, "throughput (MB/s, 10⁶ B/s)", height: 460 + 22 * legendRows);
        layout.SetProperty("margin", Figure.Props(("l", 70), ("r", 20), ("t", 50), ("b", 90 + 22 * legendRows)));
        layout.SetProperty("legend", Figure.LegendBelowPlot(65, 320));
        var xAxis = Figure.Axis(xTitle);
        if (view.Axis == SweepAxis.PendingReads) xAxis["dtick"] = 1;
        if (view.Axis == SweepAxis.TransferLength) xAxis["type"] = "log";
        layout.SetProperty("xaxis", xAxis);
        var yAxis = Figure.Axis("throughput (MB/s, 10⁶ B/s)");
        yAxis["rangemode"] = "tozero";
        layout.SetProperty("yaxis", yAxis);
        return Figure.Chart(layout, traces.ToArray());
    }
}

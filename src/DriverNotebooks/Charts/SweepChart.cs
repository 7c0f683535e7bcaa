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

    public static GenericChart Create(SweepView view)
    {
        var rows = view.Result.Rows;
        var (xTitle, x, series) = view.Axis switch
        {
            SweepAxis.TransferLength => ("TransferLength (bytes)", (Func<SweepRow, double>)(r => r.TransferLength), (Func<SweepRow, string>)(r => $"{r.EffectivePendingReads} pending, {r.Turnaround}")),
            SweepAxis.Turnaround => ("median turnaround (µs)", r => r.TurnaroundMedianSeconds * 1e6, r => $"{r.EffectivePendingReads} pending × {r.TransferLength:N0} B"),
            _ => ("NumPendingReads (requests outstanding)", r => r.EffectivePendingReads, r => $"{r.TransferLength:N0} B, {r.Turnaround}"),
        };

        var traces = new List<Trace>();
        var groups = rows.GroupBy(series).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var color = Figure.Palette[i % Figure.Palette.Length];
            var points = groups[i].OrderBy(x).ToList();
            var xs = points.Select(x).ToArray();
            if (points.Any(p => p.SimulatedMeanBytesPerSecond is not null))
            {
                var simulated = Figure.Line($"simulated: {groups[i].Key}", xs, points.Select(p => (p.SimulatedMeanBytesPerSecond ?? double.NaN) / MB), color);
                simulated.SetProperty("error_y", Figure.Props(
                    ("type", "data"), ("symmetric", false),
                    ("array", points.Select(p => ((p.SimulatedMaxBytesPerSecond ?? 0) - (p.SimulatedMeanBytesPerSecond ?? 0)) / MB).ToArray()),
                    ("arrayminus", points.Select(p => ((p.SimulatedMeanBytesPerSecond ?? 0) - (p.SimulatedMinBytesPerSecond ?? 0)) / MB).ToArray()),
                    ("color", color), ("thickness", 1), ("width", 3)));
                traces.Add(simulated);
            }
            var analytic = Figure.Line($"analytic: {groups[i].Key}", xs, points.Select(p => p.AnalyticBytesPerSecond / MB), color, "dash", markers: false);
            analytic.SetProperty("line", Figure.Props(("color", color), ("dash", "dash"), ("width", 1)));
            analytic.SetProperty("opacity", 0.8);
            traces.Add(analytic);
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

        var layout = Figure.Layout($"Sweep: {view.Result.Settings.Endpoint}", xTitle, "throughput (MB/s, 10⁶ B/s)", height: 460);
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

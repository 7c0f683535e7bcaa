using DriverNotebooks.Usb;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The periodic admission check as bars: for each endpoint in the order admitted, the busiest
/// (micro)frame it lands in, against the periodic budget (80 % of a microframe, 90 % of a frame).
/// </summary>
public static class AdmissionChart
{
    public static GenericChart Create(AdmissionResult result)
    {
        var labels = result.Entries.Select(e => (object)$"{e.Position}. {e.Endpoint.Type} {e.Endpoint.MaxPacketSize} B").ToArray();
        var bars = Figure.Bars("busiest frame with this endpoint (ns)", labels, result.Entries.Select(e => (double)e.PeakLoadNanoseconds), Figure.Palette[0]);
        bars.SetProperty("marker", Figure.Props(("color", result.Entries.Select(e => e.Fits ? Figure.Palette[0] : Figure.MeasuredColor).ToArray())));
        var budget = Figure.Line($"periodic budget: {result.BudgetNanoseconds:N0} ns ({result.PeriodicPercent} %)", [0, result.Entries.Count - 1], [result.BudgetNanoseconds, result.BudgetNanoseconds], Figure.BusLimitColor, "dash", markers: false);
        budget.SetProperty("xaxis", "x2");
        var layout = Figure.Layout($"Periodic admission on a {UsbNames.Describe(result.Speed)} bus", "endpoint, in the order admitted", "bus time in the busiest frame (ns)");
        layout.SetProperty("xaxis2", Figure.Props(("overlaying", "x"), ("visible", false), ("range", new[] { -0.5, result.Entries.Count - 0.5 })));
        return Figure.Chart(layout, bars, budget);
    }
}

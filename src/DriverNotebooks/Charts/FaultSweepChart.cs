using DriverNotebooks.Kmdf;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// Fault injection per failure point: for each fallible step failed on its own, how many resources
/// leaked and what else went wrong, stacked by kind of finding.
/// </summary>
public static class FaultSweepChart
{
    /// <summary>Whether any single failure point has a finding (otherwise the chart would be empty).</summary>
    public static bool HasFindings(FaultSweepResult sweep) => sweep.Points.Any(p => p.FailedSteps.Count == 1 && !p.Result.IsClean);

    /// <summary>Height of one failing step's bar row, in pixels: the chart grows with the steps, not a fixed page share.</summary>
    private const int PixelsPerStep = 26;

    public static GenericChart Create(FaultSweepResult sweep)
    {
        var singles = sweep.Points.Where(p => p.FailedSteps.Count == 1).ToList();
        var steps = singles.Select(p => (object)p.FailedSteps[0]).ToArray();
        var kinds = Enum.GetValues<FindingKind>();
        var traces = new List<Trace>();
        for (var k = 0; k < kinds.Length; k++)
        {
            var kind = kinds[k];
            var counts = singles.Select(p => (double)p.Result.Findings.Count(f => f.Kind == kind)).ToArray();
            if (counts.All(c => c == 0)) continue;
            traces.Add(Row(FindingName(kind), steps, counts, Figure.Palette[k == 0 ? 3 : k],
                singles.Select(p => string.Join(", ", p.Result.Findings.Where(f => f.Kind == kind).Select(f => f.Resource)))));
        }
        var clean = traces.Count == 0;
        if (clean) traces.Add(Row("no findings", steps, steps.Select(_ => 0.0).ToArray(), Figure.Palette[2], steps.Select(_ => "")));

        // Steps down the side, in the order the driver reaches them, so their names read horizontally.
        var title = $"Fault injection: {sweep.Scenario}, each step failing in turn";
        var top = 30 + 22 * Figure.TitleLines(title);
        const int bottom = 90;
        var plotHeight = Math.Max(3, steps.Length) * PixelsPerStep;
        var layout = Figure.Layout(title, "findings (resources)", "failing step", height: top + bottom + plotHeight);
        layout.SetProperty("barmode", "stack");
        layout.SetProperty("margin", Figure.Props(("l", 20), ("r", 20), ("t", top), ("b", bottom)));
        var xAxis = Figure.Axis("findings (resources)");
        xAxis["dtick"] = 1;
        xAxis["rangemode"] = "tozero";
        layout.SetProperty("xaxis", xAxis);
        var yAxis = Figure.Axis("");
        yAxis["autorange"] = "reversed";
        layout.SetProperty("yaxis", yAxis);
        layout.SetProperty("showlegend", true); // plotly hides a lone trace's legend, and the colour then says nothing
        layout.SetProperty("legend", Figure.LegendBelowPlot(55, plotHeight));
        if (clean)
        {
            layout.SetProperty("annotations", new[]
            {
                Figure.Props(("text", "No failure point leaks or misuses a resource."), ("xref", "paper"), ("yref", "paper"), ("x", 0.5), ("y", 0.5), ("showarrow", false), ("font", Figure.Props(("size", 14), ("color", Figure.Palette[2])))),
            });
        }
        return Figure.Chart(layout, traces.ToArray());
    }

    private static Trace2D Row(string name, object[] steps, double[] counts, string color, IEnumerable<string> hover)
    {
        var bars = Figure.HorizontalBars(name, steps, counts, color);
        bars.SetProperty("hovertext", hover.ToArray());
        return bars;
    }

    public static string FindingName(FindingKind kind) => kind switch
    {
        FindingKind.Leaked => "leaked",
        FindingKind.FreedTwice => "freed twice",
        FindingKind.FreedWhileInUse => "freed while in use",
        FindingKind.UsedAfterFree => "used after free",
        FindingKind.FreedUnallocated => "freed unallocated",
        FindingKind.LookasideLeftOnSystemList => "left on the system lookaside list",
        _ => kind.ToString(),
    };
}

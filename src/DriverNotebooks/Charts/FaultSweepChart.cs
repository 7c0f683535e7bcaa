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
            var bars = Figure.Bars(FindingName(kind), steps, counts, Figure.Palette[k == 0 ? 3 : k]);
            bars.SetProperty("hovertext", singles.Select(p => string.Join(", ", p.Result.Findings.Where(f => f.Kind == kind).Select(f => f.Resource))).ToArray());
            traces.Add(bars);
        }
        var clean = traces.Count == 0;
        if (clean) traces.Add(Figure.Bars("no findings", steps, steps.Select(_ => 0.0), Figure.Palette[2]));

        var layout = Figure.Layout($"Fault injection: {sweep.Scenario}, each step failing in turn", "failing step", "findings (resources)", height: 460);
        layout.SetProperty("barmode", "stack");
        var xAxis = Figure.Axis("failing step");
        xAxis["tickangle"] = -35;
        xAxis["automargin"] = true;
        layout.SetProperty("xaxis", xAxis);
        var yAxis = Figure.Axis("findings (resources)");
        yAxis["dtick"] = 1;
        yAxis["rangemode"] = "tozero";
        layout.SetProperty("yaxis", yAxis);
        if (clean)
        {
            layout.SetProperty("annotations", new[]
            {
                Figure.Props(("text", "No failure point leaks or misuses a resource."), ("xref", "paper"), ("yref", "paper"), ("x", 0.5), ("y", 0.6), ("showarrow", false), ("font", Figure.Props(("size", 14), ("color", Figure.Palette[2])))),
            });
        }
        return Figure.Chart(layout, traces.ToArray());
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
